import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { jsonLines, peakInFlightAtStart, startManagedInstances } from '../support/managed-instances.ts'

// The logger under the real aws-lambda-ric in Managed Instances mode: one environment, two worker threads, up to
// four invocations in flight; the trace id of each comes from the runtime's invoke store (the runtime never sets
// _X_AMZN_TRACE_ID in this mode), the tenant id from the context.

describe('@sluice/logger with many invocations in flight (Managed Instances)', { timeout: 60_000 }, () => {
  test('module-scope lines carry the fields of the invocation they run in; buffering stays per invocation', async () => {
    await using runtime = await startManagedInstances('test/fixtures/logger/managed-instances.ts#handler', {
      POWERTOOLS_TRACE_ENABLED: 'false',
    })
    const roots = Array.from(
      { length: 8 },
      () => `1-${randomBytes(4).toString('hex')}-${randomBytes(12).toString('hex')}`,
    )
    const results = await Promise.all(
      roots.map((traceRoot, i) =>
        runtime.invoke(
          { id: `o${i}`, ms: 300, fail: i === 5 },
          {
            traceId: `Root=${traceRoot};Parent=${randomBytes(8).toString('hex')};Sampled=0`,
            tenantId: 'acme',
          },
        ),
      ),
    )
    expect(runtime.containers).toHaveLength(1)
    expect(results.map((result) => result.error?.errorMessage)).toEqual(
      results.map((_, i) => (i === 5 ? 'o5 failed' : undefined)),
    )
    // Overlap, not timing: some invocation started while another ran on the same worker.
    expect(peakInFlightAtStart(results)).toBeGreaterThanOrEqual(2)

    results.forEach((result, i) => {
      // sluice's lines (the runtime client's own JSON lines have `message`, not `msg`).
      const lines = jsonLines(result.logs).filter((line) => line.requestId !== undefined && 'msg' in line)
      // The failed invocation writes the line it kept, when it fails; the others drop theirs.
      expect(lines.map((line) => line.msg)).toEqual(
        i === 5 ? ['started', 'saved', 'kept unless the invocation fails'] : ['started', 'saved'],
      )
      for (const line of lines) {
        expect(line).toMatchObject({
          requestId: result.requestId,
          traceId: roots[i],
          tenantId: 'acme',
          functionName: 'managed-instances',
          service: 'orders',
        })
      }
    })
    // INIT ran once per worker, outside any invocation: those lines carry no request fields.
    const init = results
      .flatMap((result) => jsonLines(result.logs))
      .filter((line) => line.msg === 'worker initialised')
    expect(new Set(init.map((line) => line.threadId)).size).toBe(2)
    for (const line of init) expect(line).not.toHaveProperty('requestId')
  })
})
