import { describe, expect, test } from 'vitest'
import { configurePowertools } from './powertools.ts'

describe('one Powertools tracer per container', () => {
  test('the same settings twice are fine; different ones throw TRACER_ALREADY_CONFIGURED', () => {
    configurePowertools({ serviceName: 'orders', captureHTTPsRequests: undefined })
    configurePowertools({ serviceName: 'orders', captureHTTPsRequests: undefined })
    expect(() => configurePowertools({ serviceName: 'billing', captureHTTPsRequests: undefined })).toThrow(
      expect.objectContaining({ code: 'TRACER_ALREADY_CONFIGURED' }),
    )
  })
})
