import { fileURLToPath } from 'node:url'
import { type InvocationResult, startRuntime } from '@sluice/runtime'
import { describe, expect, test } from 'vitest'

// @sluice/timeout through the real aws-lambda-ric in multi-concurrent mode (AWS_LAMBDA_MAX_CONCURRENCY): one
// worker thread runs every invocation below at once, through one handler and so one timeout().

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/timeout/concurrent.ts#handler'
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves with the invocation's result, noting in `order` when it came back. */
const tracked = (order: string[], id: string, run: Promise<InvocationResult>) =>
  run.then((result) => {
    order.push(id)
    return result
  })

describe('timeout() with many invocations in flight in one environment (Managed Instances)', {
  timeout: 60_000,
}, () => {
  test('one invocation times out while the others in flight complete, each guarded from its own deadline', async () => {
    await using runtime = await startRuntime({
      handler,
      cwd,
      timeoutMs: 3_000,
      concurrency: 4,
      maxConcurrency: 4,
    })
    await runtime.invoke({ id: 'warm-up', workMs: 0 })
    const order: string[] = []
    const stuck = tracked(order, 'stuck', runtime.invoke({ id: 'stuck', workMs: 60_000 }))
    await pause(100)
    const quick = ['q1', 'q2', 'q3'].map((id) => tracked(order, id, runtime.invoke({ id, workMs: 300 })))
    const [timedOut, ...done] = await Promise.all([stuck, ...quick])

    expect(runtime.containers).toHaveLength(1)
    expect(runtime.containers[0]?.peakConcurrency).toBe(4)
    // The three quick ones ran while the stuck one was in flight, and were neither aborted nor answered for.
    expect(order.at(-1)).toBe('stuck')
    for (const [index, result] of done.entries()) {
      expect(result.error).toBeUndefined()
      expect(result.result).toEqual({
        id: `q${index + 1}`,
        timedOut: false,
        aborted: false,
        requestId: result.requestId,
      })
    }
    // The stuck one was answered by its guard (the margin is 500 ms of its 3 s) before Lambda's kill.
    expect(timedOut.error).toBeUndefined()
    expect(timedOut.report.status).toBe('success')
    expect(timedOut.result).toMatchObject({ id: 'stuck', timedOut: true, requestId: timedOut.requestId })
  })

  test('two invocations that time out at different deadlines: the first firing neither fires nor cancels the second', async () => {
    await using runtime = await startRuntime({
      handler,
      cwd,
      timeoutMs: 2_000,
      concurrency: 4,
      maxConcurrency: 4,
    })
    await runtime.invoke({ id: 'warm-up', workMs: 0 })
    const order: string[] = []
    const first = tracked(order, 'first', runtime.invoke({ id: 'first', workMs: 60_000 }))
    await pause(700)
    const second = tracked(order, 'second', runtime.invoke({ id: 'second', workMs: 60_000 }))
    const [one, two] = await Promise.all([first, second])

    expect(order).toEqual(['first', 'second'])
    for (const [result, id] of [
      [one, 'first'],
      [two, 'second'],
    ] as const) {
      expect(result.error).toBeUndefined()
      expect(result.result).toMatchObject({ id, timedOut: true, requestId: result.requestId })
      // Fired at its own deadline − margin: with 500 ms of margin, never with the 700 ms+ the other had left.
      const { remainingAtFire } = result.result as { remainingAtFire: number }
      expect(remainingAtFire).toBeGreaterThanOrEqual(0)
      expect(remainingAtFire).toBeLessThanOrEqual(500)
    }
  })
})
