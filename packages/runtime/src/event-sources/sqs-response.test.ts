import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sqsBatchOutcome } from './sqs-response.ts'

const ids = ['m-1', 'm-2', 'm-3']
const outcome = (result: unknown, report = true) => sqsBatchOutcome({ result }, ids, report)
const kind = (result: unknown, report = true) => outcome(result, report).kind

describe('sqsBatchOutcome', () => {
  it('fails the whole batch on a function error, whatever the mapping', () => {
    const error = { errorType: 'Error', errorMessage: 'boom', trace: [] }
    expect(sqsBatchOutcome({ error }, ids, true)).toEqual({
      kind: 'failure',
      reason: 'function error Error: boom',
    })
    expect(sqsBatchOutcome({ error }, ids, false).kind).toBe('failure')
  })

  it('deletes the batch on any response without ReportBatchItemFailures', () => {
    expect(kind({ batchItemFailures: [{ itemIdentifier: 'm-1' }] }, false)).toBe('success')
    expect(kind('not json at all', false)).toBe('success')
  })

  it.each([
    ['no response', undefined],
    ['a null response', null],
    ['an empty response body', ''],
    ['an empty object', {}],
    ['a null batchItemFailures', { batchItemFailures: null }],
    ['an empty batchItemFailures', { batchItemFailures: [] }],
  ])('treats %s as success', (_, result) => {
    expect(kind(result)).toBe('success')
  })

  it.each([
    ['a response that is not JSON', 'batchItemFailures: m-1'],
    ['a JSON array', [{ itemIdentifier: 'm-1' }]],
    ['a number', 42],
    ['a batchItemFailures that is not a list', { batchItemFailures: 'm-1' }],
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a wrong key', { batchItemFailures: [{ messageId: 'm-1' }] }],
    ['an id not in the batch', { batchItemFailures: [{ itemIdentifier: 'm-9' }] }],
    [
      'one bad entry among good ones',
      { batchItemFailures: [{ itemIdentifier: 'm-1' }, { itemIdentifier: 'x' }] },
    ],
  ])('fails the whole batch on %s', (_, result) => {
    expect(kind(result)).toBe('failure')
  })

  it('leaves exactly the named messages to come back', () => {
    const result = {
      batchItemFailures: [{ itemIdentifier: 'm-3' }, { itemIdentifier: 'm-1' }, { itemIdentifier: 'm-1' }],
    }
    expect(outcome(result)).toEqual({ kind: 'partial', failed: new Set(['m-3', 'm-1']) })
  })

  it('names the broken entry in the reason', () => {
    expect(
      outcome({ batchItemFailures: [{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-7' }] }),
    ).toMatchObject({
      reason: expect.stringContaining('batchItemFailures[1].itemIdentifier m-7 is not in the batch'),
    })
  })

  it('never throws and only names ids of the batch, whatever the response', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.constantFrom(...ids, 'zz', '')), (json, named) => {
        for (const result of [
          json,
          { batchItemFailures: named.map((itemIdentifier) => ({ itemIdentifier })) },
        ]) {
          const got = outcome(result)
          if (got.kind === 'partial') for (const id of got.failed) expect(ids).toContain(id)
        }
        const all = outcome({ batchItemFailures: named.map((itemIdentifier) => ({ itemIdentifier })) })
        const expected = named.some((id) => !ids.includes(id))
          ? 'failure'
          : named.length === 0
            ? 'success'
            : 'partial'
        expect(all.kind).toBe(expected)
      }),
    )
  })
})
