import { describe, expect, test } from 'vitest'
import { InvalidEventSpecError, UnknownEventBuilderError } from '../errors.ts'
import { buildEvent, eventBuilderNames } from './build-event.ts'

describe('buildEvent', () => {
  test('builds from a name and coerces numeric and boolean parameters', () => {
    const event = buildEvent('sqs?records=10&fifo&receiveCount=3')
    expect(event.Records).toHaveLength(10)
    expect(event.Records[0]?.attributes.MessageGroupId).toBe('group-0')
    expect(event.Records[0]?.attributes.ApproximateReceiveCount).toBe('3')
    expect(buildEvent('sqs?fifo=false').Records[0]?.attributes.MessageGroupId).toBeUndefined()
  })

  test('passes string parameters through', () => {
    const event = buildEvent('apigw-http?method=POST&path=/x&body=hi')
    expect(event.requestContext.http.method).toBe('POST')
    expect(event.rawPath).toBe('/x')
    expect(event.body).toBe('hi')
  })

  test('knows every builder by name', () => {
    for (const name of eventBuilderNames) expect(buildEvent(name)).toBeTypeOf('object')
    expect(buildEvent('s3?records=2&bucket=b').Records).toHaveLength(2)
    expect(buildEvent('scheduled')['detail-type']).toBe('Scheduled Event')
  })

  test('rejects an unknown builder, listing the valid names', () => {
    const error = (() => {
      try {
        buildEvent('sqs-ish?records=1')
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(UnknownEventBuilderError)
    expect(error).toMatchObject({
      code: 'UNKNOWN_EVENT_BUILDER',
      builder: 'sqs-ish',
      validNames: eventBuilderNames,
    })
    expect(String(error)).toContain('sqs, apigw-http, eventbridge')
  })

  test('rejects unknown parameters and values of the wrong kind', () => {
    expect(() => buildEvent('sqs?record=10')).toThrow(InvalidEventSpecError)
    expect(() => buildEvent('sqs?record=10')).toThrow(/takes: records, body, fifo/)
    expect(() => buildEvent('sqs?records=ten')).toThrow(
      expect.objectContaining({ code: 'INVALID_EVENT_SPEC', path: 'records' }),
    )
    expect(() => buildEvent('sqs?fifo=maybe')).toThrow(InvalidEventSpecError)
  })

  test('maps parameters to the options of events.<id>(), renaming only where the option has another name', () => {
    const ses = buildEvent('ses?records=3')
    expect(ses.Records).toHaveLength(3)
    expect(Object.keys(ses)).toEqual(['Records'])
    expect(buildEvent('codecommit?records=2').Records).toHaveLength(2)
    expect(buildEvent('eventbridge?detailType=Order%20Shipped&source=shop')).toMatchObject({
      'detail-type': 'Order Shipped',
      source: 'shop',
    })
    expect(buildEvent('kinesis?records=2&streamName=clicks').Records[1]?.eventSourceARN).toMatch(
      /stream\/clicks$/,
    )
  })
})
