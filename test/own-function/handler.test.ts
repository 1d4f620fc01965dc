import { createContext, events, invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { handler } from './handler.ts'

describe('handler', () => {
  test('adds up the orders of a batch', async () => {
    const event = events.sqs({
      records: [{ body: { id: 'o-1', cents: 250 } }, { body: { id: 'o-2', cents: 100 } }],
    })
    const context = createContext({ functionName: 'orders', timeoutMs: 3_000 })
    expect(await invoke(handler, event, { context })).toMatchObject({ count: 2, total: 350 })
  })

  test('answers a bad order with the error code', async () => {
    const event = events.sqs({ records: [{ body: { id: 'o-3', cents: -1 } }] })
    expect(await invoke(handler, event)).toEqual({ failed: 'EVENT_PARSE_FAILED', records: 1 })
  })
})
