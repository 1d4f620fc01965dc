import { describe, expect, it } from 'vitest'
import type { DevLine } from '../dev/dev-line.ts'
import type { Fate } from '../event-sources/source-types.ts'
import type { InvocationResult } from '../invocation.ts'
import { buildReport } from '../report.ts'
import { devLineJson, devLineText } from './dev-lines.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false, {})
const fate: Fate = { source: 'orders', id: 'm-1', receiveCount: 3, state: 'dlq', steps: [] }
const dlq: DevLine = {
  kind: 'activity',
  activity: {
    kind: 'fate',
    source: 'orders',
    fate,
    step: { at: 1, state: 'dlq', reason: 'maxReceiveCount 3' },
  },
}
const batch = (outcome: 'success' | 'partial' | 'failure', failed: string[] = []): DevLine => ({
  kind: 'activity',
  activity: {
    kind: 'batch',
    source: 'orders',
    requestId: 'r-1',
    ids: ['m-1', 'm-2', 'm-3'],
    outcome,
    failed,
  },
})

describe('devLineText', () => {
  it('prints a batch outcome and the messages that left the happy path, named by source', () => {
    expect(devLineText(batch('success'), plain, false)).toEqual(['[orders] batch 3 → success'])
    expect(devLineText(batch('partial', ['m-2']), plain, false)).toEqual([
      '[orders] batch 3 → partial, 1 failed',
    ])
    expect(devLineText(batch('failure'), plain, false)).toEqual(['[orders] batch 3 → failure'])
    expect(devLineText(dlq, plain, false)).toEqual([
      '[orders] m-1 → dlq after 3 receives (maxReceiveCount 3)',
    ])
  })

  it('leaves steps on the happy path to the batch line', () => {
    const processed: DevLine = {
      kind: 'activity',
      activity: { kind: 'fate', source: 'orders', fate, step: { at: 1, state: 'processed' } },
    }
    expect(devLineText(processed, plain, false)).toEqual([])
  })

  it('prints an invocation as START, logs, END and REPORT, each line tagged with the function', () => {
    const report = buildReport({
      requestId: 'req-1',
      durationMs: 1.5,
      memorySizeMb: 128,
      maxMemoryUsedMb: 60,
      status: 'success',
    })
    const result: InvocationResult = {
      requestId: 'req-1',
      result: null,
      report,
      logs: ['hello'],
      containerId: 'c',
      coldStart: false,
      concurrency: 1,
    }
    const text = devLineText({ kind: 'invocation', function: 'orders', result }, plain, false)
    expect(text[0]).toBe('[orders] START RequestId: req-1 Version: $LATEST')
    expect(text[1]).toBe('[orders] hello')
    expect(text[3]).toMatch(/^\[orders\] REPORT RequestId: req-1\t/)
  })

  it('prints reloads, and never passes control characters from a file name to the terminal', () => {
    expect(devLineText({ kind: 'reload', function: 'orders', files: ['handler.ts'] }, plain, false)).toEqual([
      '[orders] reloaded (handler.ts changed)',
    ])
    expect(
      devLineText({ kind: 'reload', function: 'o', files: ['a\u001b[2J.ts'] }, plain, true)[0],
    ).not.toContain('\u001b')
  })
})

describe('devLineJson', () => {
  it('prints one JSON object per line, typed by what happened', () => {
    expect(JSON.parse(devLineJson(dlq))).toEqual({
      type: 'fate',
      source: 'orders',
      id: 'm-1',
      receiveCount: 3,
      at: 1,
      state: 'dlq',
      reason: 'maxReceiveCount 3',
    })
    expect(JSON.parse(devLineJson(batch('partial', ['m-2'])))).toMatchObject({
      type: 'batch',
      outcome: 'partial',
      failed: ['m-2'],
    })
    expect(JSON.parse(devLineJson({ kind: 'reload', function: 'orders', files: ['a.ts'] }))).toEqual({
      type: 'reload',
      function: 'orders',
      files: ['a.ts'],
    })
  })
})
