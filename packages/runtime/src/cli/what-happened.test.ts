import { describe, expect, it } from 'vitest'
import type { Fate } from '../event-sources/source-types.ts'
import type { InvocationResult } from '../invocation.ts'
import { buildReport } from '../report.ts'
import { whatBecameOfMessages, whatHappened } from './what-happened.ts'

function result(extra: Partial<InvocationResult>): InvocationResult {
  const report = buildReport({
    requestId: 'r',
    durationMs: 2,
    memorySizeMb: 128,
    maxMemoryUsedMb: 70,
    status: 'success',
  })
  return { requestId: 'r', report, logs: [], containerId: 'c1', coldStart: false, concurrency: 1, ...extra }
}

describe('whatHappened', () => {
  it('tells a failure by the first line of its message, whatever line breaks and control characters it holds', () => {
    const error = { errorType: 'Error', errorMessage: 'first\u001b[2J line\rsecond line', trace: [] }
    expect(whatHappened([result({ error })])).toEqual([
      '#1 warm on c1: failed with Error: first␛[2J line',
      '1 invocation(s), 1 container(s), 0 cold start(s)',
    ])
  })

  it('says how many invocations one container ran at once in Managed Instances mode', () => {
    const lines = whatHappened([
      result({ concurrency: 1 }),
      result({ concurrency: 2 }),
      result({ concurrency: 3 }),
    ])
    expect(lines.at(-1)).toBe('up to 3 invocations in flight at once in one container')
    expect(whatHappened([result({})])).not.toContainEqual(expect.stringContaining('in flight'))
  })
})

describe('whatBecameOfMessages', () => {
  const fate = (id: string, state: Fate['state'], receiveCount: number, reason?: string): Fate => ({
    source: 'orders',
    id,
    receiveCount,
    state,
    steps: [{ at: 0, state, ...(reason === undefined ? {} : { reason }) }],
  })

  it('counts the messages of each source by end state, with the receive counts and reason of the unhappy ones', () => {
    const lines = whatBecameOfMessages([
      fate('m-1', 'processed', 1),
      fate('m-2', 'dlq', 3, 'maxReceiveCount 3'),
      fate('m-3', 'processed', 2),
      { ...fate('r-1', 'retries-exhausted', 6), source: 'metrics' },
    ])
    expect(lines).toEqual([
      'orders: 3 message(s): 2 processed, 1 dlq (receive count 3)',
      '  m-2 → dlq after 3 receives (maxReceiveCount 3)',
      'metrics: 1 message(s): 1 retries-exhausted (receive count 6)',
      '  r-1 → retries-exhausted after 6 receives',
    ])
  })
})
