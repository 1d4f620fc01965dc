import { describe, expect, it } from 'vitest'
import type { InvocationResult } from '../invocation.ts'
import { buildReport } from '../report.ts'
import { readStreamResponse } from './stream-response.ts'

const report = buildReport({
  requestId: 'r',
  durationMs: 1,
  memorySizeMb: 128,
  maxMemoryUsedMb: 1,
  status: 'success',
})
const returned = (result: unknown): InvocationResult => ({
  requestId: 'r',
  result,
  report,
  logs: [],
  containerId: 'c',
  coldStart: false,
  concurrency: 1,
})
const batch = ['101', '102', '103', '1000']
const failures = (...ids: unknown[]) =>
  returned({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) })

describe('readStreamResponse', () => {
  it('checkpoints at the lowest sequence number reported, compared as numbers', () => {
    expect(readStreamResponse(failures('1000', '102'), batch, true)).toEqual({
      kind: 'partial',
      from: 1,
      sequenceNumber: '102',
    })
  })

  it.each([undefined, null, 'ok', {}, { batchItemFailures: [] }, { batchItemFailures: null }])(
    'takes %j as complete success',
    (result) => {
      expect(readStreamResponse(returned(result), batch, true)).toEqual({ kind: 'success' })
    },
  )

  it.each([[''], [null], ['999'], [undefined]])('fails the whole batch for itemIdentifier %j', (id) => {
    expect(readStreamResponse(failures(id), batch, true)).toMatchObject({ kind: 'invalid-response' })
  })

  it('fails the whole batch when batchItemFailures is not a list', () => {
    expect(readStreamResponse(returned({ batchItemFailures: 'all' }), batch, true).kind).toBe(
      'invalid-response',
    )
  })

  it('ignores batchItemFailures without ReportBatchItemFailures', () => {
    expect(readStreamResponse(failures(''), batch, false)).toEqual({ kind: 'success' })
  })

  it('reports a function error whatever the mapping', () => {
    const error = {
      ...returned(undefined),
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'x', trace: [] },
    }
    expect(readStreamResponse(error, batch, true)).toEqual({
      kind: 'function-error',
      errorType: 'Sandbox.Timedout',
    })
  })
})
