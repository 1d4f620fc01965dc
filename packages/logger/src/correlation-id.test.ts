import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { correlationIdOf, headerValue } from './correlation-id.ts'

const withHeaders = (event: Record<string, unknown>, headers: Record<string, string>) => ({
  ...event,
  headers: { ...(event.headers as object), ...headers },
})

describe('correlationIdOf, per source', () => {
  test('API Gateway REST: requestContext.requestId', () => {
    expect(correlationIdOf(fixture('apigw-request.json'))).toBe('deef4878-7910-11e6-8f14-25afc3e9ae33')
  })

  test('API Gateway HTTP API: requestContext.requestId, not the x-amzn-trace-id header it also carries', () => {
    expect(correlationIdOf(fixture('apigw-v2-request-no-authorizer.json'))).toBe('LV7fzho-PHcEJPw=')
  })

  test('Function URL: requestContext.requestId', () => {
    const event = fixture('function-url-request-with-headers-and-cookies-and-text-body.json')
    expect(correlationIdOf(event)).toBe('5bbd0e3e-fe7a-4299-9076-32d4de45391b')
  })

  test('ALB: the x-amzn-trace-id header, single- or multi-value', () => {
    expect(correlationIdOf(fixture('alb-lambda-target-request-headers-only.json'))).toBe(
      'Root=1-5c34e93e-4dea0086f9763ac0667b115a',
    )
    expect(correlationIdOf(fixture('alb-lambda-target-request-multivalue-headers.json'))).toBe(
      'Root=1-5c34e7d4-00ca239424b68028d4c56d68',
    )
  })

  test('SQS batch of one: messageId, or its x-correlation-id message attribute when present', () => {
    const event = fixture('sqs-event.json')
    expect(correlationIdOf(event)).toBe('MessageID_1')
    const [record] = event.Records as Array<Record<string, unknown>>
    const tagged = {
      Records: [
        {
          ...record,
          messageAttributes: { 'x-correlation-id': { stringValue: 'order-42', dataType: 'String' } },
        },
      ],
    }
    expect(correlationIdOf(tagged)).toBe('order-42')
  })

  test('SQS batch of several: none (each record gets its own through childForRecord)', () => {
    const [record] = fixture('sqs-event.json').Records as unknown[]
    expect(correlationIdOf({ Records: [record, record] })).toBeUndefined()
  })

  test('SNS record: Sns.MessageId', () => {
    expect(correlationIdOf(fixture('sns-event.json'))).toBe('95df01b4-ee98-5cb9-9903-4c221d41eb5e')
  })

  test('EventBridge: id', () => {
    expect(correlationIdOf(fixture('codebuild-state-change.json'))).toBe(
      'c030038d-8c4d-6141-9545-00ff7b7153EX',
    )
  })

  test('sources without a request id (Kinesis, DynamoDB streams, S3, plain values) have none', () => {
    for (const name of ['kinesis-event.json', 'dynamodb-event.json', 's3-event.json']) {
      expect(correlationIdOf(fixture(name))).toBeUndefined()
    }
    for (const value of [null, undefined, 'text', 42, [], {}]) expect(correlationIdOf(value)).toBeUndefined()
  })
})

describe('an x-correlation-id header wins', () => {
  const httpSources = [
    'apigw-request.json',
    'apigw-v2-request-no-authorizer.json',
    'alb-lambda-target-request-headers-only.json',
    'function-url-request-with-headers-and-cookies-and-text-body.json',
  ]

  test('over the source rule, whatever the case of the header name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...httpSources),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (name, upper, id) => {
          const header = [...'x-correlation-id'].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')
          expect(correlationIdOf(withHeaders(fixture(name), { [header]: id }))).toBe(id)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('in multiValueHeaders too (ALB with multi-value headers, API Gateway REST)', () => {
    const event = fixture('alb-lambda-target-request-multivalue-headers.json')
    const multi = event.multiValueHeaders as Record<string, string[]>
    expect(
      correlationIdOf({ ...event, multiValueHeaders: { ...multi, 'X-Correlation-ID': ['abc', 'def'] } }),
    ).toBe('abc')
  })

  test('an empty header value does not count', () => {
    expect(correlationIdOf(withHeaders(fixture('apigw-request.json'), { 'x-correlation-id': '' }))).toBe(
      'deef4878-7910-11e6-8f14-25afc3e9ae33',
    )
  })
})

describe('headerValue', () => {
  test('finds a header in any case and ignores values that are not strings', () => {
    expect(headerValue({ headers: { 'Content-Type': 'text/plain' } }, 'content-type')).toBe('text/plain')
    expect(headerValue({ headers: { 'content-type': 42 } }, 'content-type')).toBeUndefined()
    expect(headerValue({ headers: null }, 'content-type')).toBeUndefined()
  })
})
