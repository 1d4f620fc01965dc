import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { createContext, invoke, invokeResult } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { captureAWSv3Client } from './capture-client.ts'
import { TracerError } from './errors.ts'
import { loadedPowertools } from './powertools.ts'
import { recordSubsegment } from './record-subsegment.ts'
import { tracer } from './tracer.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('tracing off (outside Lambda)', () => {
  test('the middleware passes results and errors through and never loads Powertools', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', '')
    const handler = lambda<{ fail: boolean }>()
      .use(tracer({ serviceName: 'orders' }))
      .handler(async (event) => {
        const value = await recordSubsegment('work', () => 21 * 2)
        if (event.fail) await recordSubsegment('failing', () => Promise.reject(new Error('boom')))
        return value
      })
    expect(await invoke(handler, { fail: false })).toBe(42)
    const failed = await invokeResult(handler, { fail: true })
    expect(failed.ok === false && failed.error.errorMessage).toBe('boom')
    expect(loadedPowertools()).toBeUndefined()
  })

  test('works in a plain middy stack', async () => {
    const handler = middy()
      .use(tracer())
      .handler(async () => 'ok')
    expect(await handler({}, createContext())).toBe('ok')
  })

  test('captureAWSv3Client returns the very same client', () => {
    const client = { send: () => 'sent' }
    expect(captureAWSv3Client(client)).toBe(client)
  })

  test('enabled: false keeps it off even in Lambda', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x')
    const handler = lambda()
      .use(tracer({ enabled: false }))
      .handler(() => 'ok')
    expect(await invoke(handler, {})).toBe('ok')
    expect(loadedPowertools()).toBeUndefined()
  })
})

describe('bad options', () => {
  test.each([100, 1.5, Number.NaN])(
    'maxMetadataBytes %s throws TRACER_INVALID_OPTION',
    (maxMetadataBytes) => {
      let thrown: unknown
      try {
        tracer({ maxMetadataBytes })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(TracerError)
      expect(thrown).toMatchObject({ code: 'TRACER_INVALID_OPTION', path: ['maxMetadataBytes'] })
    },
  )
})
