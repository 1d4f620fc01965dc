import { lambda } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { childForRecord } from './child-for-record.ts'
import { capField, MAX_FIELD_LENGTH } from './field-cap.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

const huge = 'c'.repeat(100_000)

const linesOf = async (event: unknown, options: Parameters<typeof logger>[0] = {}) => {
  const out = memoryDestination()
  const handler = lambda()
    .use(logger({ destination: out, pretty: false, ...options }))
    .handler((_event, context) => {
      context.log.info('one')
      childForRecord(context.log, { messageId: huge, messageAttributes: {} }).info('record')
    })
  await invoke(handler, event)
  return out.records()
}

describe('fields copied from the event or the environment are capped', () => {
  test(`a 100 KB x-correlation-id header gives a ${MAX_FIELD_LENGTH}-character correlationId ending in …`, async () => {
    const event = { ...fixture('apigw-request.json'), headers: { 'X-Correlation-Id': huge } }
    const [one, record] = await linesOf(event)
    expect(one?.correlationId).toBe(`${'c'.repeat(MAX_FIELD_LENGTH)}…`)
    expect(record?.recordId).toBe(`${'c'.repeat(MAX_FIELD_LENGTH)}…`)
    expect(JSON.stringify(one).length).toBeLessThan(1_000)
  })

  test('the X-Ray trace id from the environment and a custom correlationId are capped too', async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', `Root=${'1'.repeat(5_000)};Sampled=1`)
    const [one] = await linesOf({}, { correlationId: () => huge, maxFieldLength: 32 })
    expect(one?.traceId).toBe(`${'1'.repeat(32)}…`)
    expect(one?.correlationId).toBe(`${'c'.repeat(32)}…`)
  })

  test('a correlationId function that throws or returns no string gives none, and the invocation runs', async () => {
    const throwing = () => {
      throw new Error('bad event')
    }
    for (const correlationId of [throwing, () => ({ id: 1 }) as never, () => 42 as never]) {
      const [one] = await linesOf({}, { correlationId })
      expect(one).not.toHaveProperty('correlationId')
    }
  })

  test('capField: short strings as they are, long ones cut, non-strings and empty strings left out', () => {
    expect(capField('abc', 16)).toBe('abc')
    expect(capField('x'.repeat(17), 16)).toBe(`${'x'.repeat(16)}…`)
    expect(capField('', 16)).toBeUndefined()
    expect(capField(42, 16)).toBeUndefined()
  })
})
