import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { detectSource } from './detect-source.ts'

describe('detectSource', () => {
  test('tells the EventBridge kinds apart: scheduled and S3 before the generic id', () => {
    expect(detectSource(events.scheduled())).toBe('scheduled')
    expect(detectSource(events.scheduled({ source: 'aws.scheduler' }))).toBe('scheduled')
    expect(detectSource(events['s3-eventbridge']())).toBe('s3-eventbridge')
    expect(
      detectSource(events.eventbridge({ 'detail-type': 'Scheduled Event', source: 'shop.orders' })),
    ).toBe('eventbridge')
  })

  test('tells the HTTP events apart', () => {
    expect(detectSource(events['apigw-http']())).toBe('apigw-http')
    expect(detectSource(events['function-url']())).toBe('function-url')
    expect(detectSource(events['apigw-rest']())).toBe('apigw-rest')
    expect(detectSource(events.alb())).toBe('alb')
    expect(detectSource(events['apigw-websocket']())).toBe('apigw-websocket')
    expect(detectSource(events['vpc-lattice']())).toBe('vpc-lattice')
    expect(
      detectSource({ raw_path: '/', method: 'GET', headers: {}, body: '', is_base64_encoded: false }),
    ).toBe('vpc-lattice')
    expect(detectSource(events['apigw-authorizer-request']())).toBe('apigw-authorizer-request')
    expect(detectSource(events['apigw-authorizer-token']())).toBe('apigw-authorizer-token')
  })

  test('reads record sources from the first record, by eventSource and its SNS casing', () => {
    expect(detectSource(events.sqs())).toBe('sqs')
    expect(detectSource(events.sns())).toBe('sns')
    expect(detectSource({ Records: [{ eventSource: 'aws:sns' }] })).toBeUndefined()
    expect(detectSource(events['kinesis-stream']())).toBe('kinesis-stream')
    expect(detectSource(events['dynamodb-stream']())).toBe('dynamodb-stream')
    expect(detectSource({ Records: [] })).toBeUndefined()
  })

  test('knows Cognito by triggerSource and userPoolId together', () => {
    expect(detectSource(events.cognito())).toBe('cognito')
    expect(detectSource({ triggerSource: 'PreSignUp_SignUp' })).toBeUndefined()
  })

  test('returns undefined for anything else, including values that are not objects', () => {
    for (const value of [null, undefined, 0, 'sqs', [], [events.sqs()], { hello: 'world' }, () => 1]) {
      expect(detectSource(value)).toBeUndefined()
    }
  })

  test('never throws, even for objects whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
      },
    )
    expect(detectSource(hostile)).toBeUndefined()
    expect(detectSource({ Records: hostile })).toBeUndefined()
  })
})
