import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { createClock } from '../clock.ts'
import { buildEvent, eventBuilderNames } from './build-event.ts'
import { events } from './events.ts'
import { marshall } from './marshall.ts'

describe('events', () => {
  test('sqs: JSON bodies, with md5OfBody following the body', () => {
    const event = events.sqs({ records: [{ body: { orderId: 'o-1' } }, { body: 'plain', messageId: 'm-2' }] })
    expect(event.Records.map((r) => r.body)).toEqual(['{"orderId":"o-1"}', 'plain'])
    expect(event.Records[0]?.md5OfBody).toBe(createHash('md5').update('{"orderId":"o-1"}').digest('hex'))
    expect(event.Records[1]?.messageId).toBe('m-2')
    expect(event.Records[0]?.attributes.ApproximateReceiveCount).toBe('1')
  })

  test('deep-merges overrides over realistic defaults, with region, account and clock', () => {
    const clock = createClock(Date.UTC(2024, 0, 2, 3, 4, 5))
    const event = events.eventbridge({
      region: 'eu-west-1',
      accountId: '111122223333',
      clock,
      detail: { extra: true },
    })
    expect(event).toMatchObject({
      region: 'eu-west-1',
      account: '111122223333',
      time: '2024-01-02T03:04:05Z',
    })
    expect(event.detail).toEqual({ orderId: 'o-1', extra: true })
  })

  test('HTTP builders JSON-encode object bodies and say so in content-type', () => {
    const rest = events['apigw-rest']({ httpMethod: 'POST', body: { sku: 'A1' } })
    expect(rest).toMatchObject({ httpMethod: 'POST', body: '{"sku":"A1"}' })
    expect(rest.headers?.['Content-Type']).toBe('application/json')
    const url = events['function-url']({ rawPath: '/x' })
    expect(url.requestContext.domainName).toMatch(/\.lambda-url\.us-east-1\.on\.aws$/)
    expect(url.rawPath).toBe('/x')
  })

  test('dynamodb-stream marshals plain images and keeps sequence numbers increasing', () => {
    const event = events['dynamodb-stream']({
      records: [{ newImage: { pk: 'u-1', n: 2 } }, { eventName: 'REMOVE', oldImage: { pk: 'u-2' } }],
    })
    expect(event.Records[0]?.dynamodb?.NewImage).toEqual(marshall({ pk: 'u-1', n: 2 }))
    expect(event.Records[1]?.dynamodb?.NewImage).toBeUndefined()
    const [a, b] = event.Records.map((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0'))
    expect(b! - a!).toBe(1n)
  })

  test('cloudwatch-logs gzips the decoded payload into awslogs.data', () => {
    const event = events['cloudwatch-logs']({
      logGroup: '/aws/lambda/orders',
      logEvents: [{ message: { level: 'error' } }],
    })
    const decoded = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString())
    expect(decoded).toMatchObject({
      logGroup: '/aws/lambda/orders',
      logEvents: [{ message: '{"level":"error"}' }],
    })
  })

  test('cognito: another trigger takes its request and response whole', () => {
    const event = events.cognito({ triggerSource: 'PostConfirmation_ConfirmSignUp', response: {} })
    expect(event.response).toEqual({})
    expect(event.request).toHaveProperty('userAttributes')
    expect(events.cognito().response).toEqual({
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    })
  })

  test('buildEvent knows every source id, and kinesis as an alias', () => {
    for (const id of Object.keys(events)) expect(eventBuilderNames).toContain(id)
    expect(eventBuilderNames.slice(0, 3)).toEqual(['sqs', 'apigw-http', 'eventbridge'])
    expect(buildEvent('kafka?records=3').records['sluice-topic-0']).toHaveLength(3)
    expect(buildEvent('cognito').triggerSource).toBe('PreSignUp_SignUp')
    expect(() => buildEvent('cognito?records=2')).toThrow(
      expect.objectContaining({ code: 'INVALID_EVENT_SPEC' }),
    )
  })
})
