import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import { parseSqsMessage } from './sqs-message.ts'
import { resolveSqsOptions } from './sqs-options.ts'
import { md5OfMessageAttributes } from './sqs-record.ts'

const target = { invoke: () => Promise.reject(new Error('not called')) }
const standard = resolveSqsOptions({ function: target })
const fifo = resolveSqsOptions({ function: target, fifo: true })
const contentFifo = resolveSqsOptions({ function: target, fifo: true, contentBasedDeduplication: true })
const code = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof SluiceRuntimeError) return error.code
    throw error
  }
  return 'ok'
}

describe('parseSqsMessage', () => {
  it('takes a body string as is, and stringifies a JSON body', () => {
    expect(parseSqsMessage('plain text', standard).body).toBe('plain text')
    expect(parseSqsMessage({ body: { orderId: 'o-1' } }, standard).body).toBe('{"orderId":"o-1"}')
    expect(parseSqsMessage({ body: 7 }, standard).body).toBe('7')
  })

  it('accepts up to 1 MiB and rejects one byte more with EVENT_SOURCE_PAYLOAD_TOO_LARGE', () => {
    const attributes = { tag: { dataType: 'String', stringValue: 'abc' } } // 3 + 6 + 3 bytes
    const body = 'x'.repeat(1_048_576 - 12)
    expect(parseSqsMessage({ body, messageAttributes: attributes }, standard).body).toHaveLength(body.length)
    expect(code(() => parseSqsMessage({ body: `${body}x`, messageAttributes: attributes }, standard))).toBe(
      'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
    )
  })

  it('needs a group id on FIFO and a deduplication id unless content-based deduplication is on', () => {
    expect(code(() => parseSqsMessage({ body: 'a' }, fifo))).toBe('EVENT_SOURCE_INVALID_MESSAGE')
    expect(code(() => parseSqsMessage({ body: 'a', messageGroupId: 'g' }, fifo))).toBe(
      'EVENT_SOURCE_INVALID_MESSAGE',
    )
    expect(
      parseSqsMessage({ body: 'a', messageGroupId: 'g', messageDeduplicationId: 'd' }, fifo).deduplicationId,
    ).toBe('d')
    expect(parseSqsMessage({ body: 'a', messageGroupId: 'g' }, contentFifo).deduplicationId).toMatch(
      /^[0-9a-f]{64}$/,
    )
    expect(
      code(() => parseSqsMessage({ body: 'a', messageGroupId: 'g', delaySeconds: 5 }, contentFifo)),
    ).toBe('EVENT_SOURCE_INVALID_MESSAGE')
  })

  it.each([
    ['an empty body', ''],
    ['a body with a character SQS rejects', 'a\u0000b'],
    ['no body', { messageGroupId: 'g' }],
    ['an unknown field', { body: 'a', MessageBody: 'a' }],
    [
      'a Number attribute that is no number',
      { body: 'a', messageAttributes: { n: { dataType: 'Number', stringValue: 'x' } } },
    ],
    [
      'an AWS. attribute name',
      { body: 'a', messageAttributes: { 'AWS.x': { dataType: 'String', stringValue: 'x' } } },
    ],
    [
      'a list attribute',
      { body: 'a', messageAttributes: { l: { dataType: 'String', stringListValues: ['x'] } } },
    ],
    [
      'eleven attributes',
      {
        body: 'a',
        messageAttributes: Object.fromEntries(
          Array.from({ length: 11 }, (_, i) => [`a${i}`, { dataType: 'String', stringValue: 'x' }]),
        ),
      },
    ],
    ['a delay above 900 s', { body: 'a', delaySeconds: 901 }],
    ['a deduplication id on a standard queue', { body: 'a', messageDeduplicationId: 'd' }],
    ['a number', 42],
    ['null', null],
  ])('rejects %s with EVENT_SOURCE_INVALID_MESSAGE', (_, input) => {
    expect(code(() => parseSqsMessage(input, standard))).toBe('EVENT_SOURCE_INVALID_MESSAGE')
  })

  it('gives a message or a typed error for any input, never an untyped throw', () => {
    const attribute = fc.record(
      {
        dataType: fc.constantFrom('String', 'Number', 'Binary', 'Number.float', 'Other'),
        stringValue: fc.string(),
        binaryValue: fc.base64String(),
      },
      { requiredKeys: ['dataType'] },
    )
    const input = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.record(
        {
          body: fc.oneof(fc.string(), fc.jsonValue()),
          messageAttributes: fc.dictionary(fc.string({ maxLength: 8 }), attribute, { maxKeys: 12 }),
          messageGroupId: fc.string(),
          messageDeduplicationId: fc.string(),
          delaySeconds: fc.integer({ min: -2, max: 1000 }),
        },
        { requiredKeys: [] },
      ),
    )
    fc.assert(
      fc.property(input, fc.constantFrom(standard, fifo, contentFifo), (given, options) => {
        expect(['ok', 'EVENT_SOURCE_INVALID_MESSAGE', 'EVENT_SOURCE_PAYLOAD_TOO_LARGE']).toContain(
          code(() => parseSqsMessage(given, options)),
        )
      }),
    )
  })
})

describe('md5OfMessageAttributes', () => {
  it('matches the digest SQS computes (a vector checked against the AWS SDK for Go)', () => {
    const attributes = {
      ordinal: { dataType: 'Number', stringValue: '1' },
      category: { dataType: 'String', stringValue: 'test' },
    }
    expect(md5OfMessageAttributes(attributes)).toBe('d21ae90c49061e927f57df5f5d72be1f')
  })

  it('is absent without attributes and does not depend on the order they were given in', () => {
    expect(md5OfMessageAttributes({})).toBeUndefined()
    const a = { dataType: 'String', stringValue: 'x' }
    const b = { dataType: 'Binary', binaryValue: 'AAEC' }
    expect(md5OfMessageAttributes({ a, b })).toBe(md5OfMessageAttributes({ b, a }))
    expect(md5OfMessageAttributes({ a })).toMatch(/^[0-9a-f]{32}$/)
    expect(md5OfMessageAttributes({ a })).not.toBe(md5OfMessageAttributes({ a: { ...a, stringValue: 'y' } }))
  })
})
