import { afterEach, describe, expect, test, vi } from 'vitest'
import { xrayTraceId } from './trace-id.ts'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

describe('xrayTraceId', () => {
  test('reads Root from _X_AMZN_TRACE_ID as Lambda sets it', () => {
    vi.stubEnv(
      '_X_AMZN_TRACE_ID',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    )
    expect(xrayTraceId()).toBe('1-5759e988-bd862e3fe1be46a994272793')
  })

  test('is undefined without a trace header, or when the header has no Root', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', '')
    expect(xrayTraceId()).toBeUndefined()
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Parent=53995c3f42cd8ad8;Sampled=0')
    expect(xrayTraceId()).toBeUndefined()
  })

  test("prefers the runtime's invoke store over the variable, like the X-Ray SDK", () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-00000000-000000000000000000000000')
    vi.stubGlobal('awslambda', {
      InvokeStore: { getXRayTraceId: () => 'Root=1-11111111-111111111111111111111111' },
    })
    expect(xrayTraceId()).toBe('1-11111111-111111111111111111111111')
  })

  test('never reads the variable when the runtime runs several invocations at once (Managed Instances)', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1')
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '4')
    expect(xrayTraceId()).toBeUndefined()
  })
})
