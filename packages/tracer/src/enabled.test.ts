import { describe, expect, test } from 'vitest'
import { tracingEnabled } from './enabled.ts'

const LAMBDA = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' }

describe('tracingEnabled (Powertools Tracer rule, checked without loading it)', () => {
  test('on in Lambda, off outside it', () => {
    expect(tracingEnabled(undefined, LAMBDA)).toBe(true)
    expect(tracingEnabled(undefined, {})).toBe(false)
    expect(tracingEnabled(true, {})).toBe(false)
  })

  test('off when the option says so, when POWERTOOLS_TRACE_ENABLED is false (any case), and under SAM local', () => {
    expect(tracingEnabled(false, LAMBDA)).toBe(false)
    expect(tracingEnabled(undefined, { ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'FALSE' })).toBe(false)
    expect(tracingEnabled(undefined, { ...LAMBDA, AWS_SAM_LOCAL: 'true' })).toBe(false)
    expect(tracingEnabled(undefined, { ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'true' })).toBe(true)
  })
})
