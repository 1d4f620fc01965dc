import { SluiceError } from '@sluice/core'
import { describe, expect, test } from 'vitest'
import { formatPath, ParseError } from './errors.ts'

describe('ParseError', () => {
  test('is a SluiceError naming the source, path and expected shape', () => {
    const error = new ParseError({
      code: 'EVENT_PARSE_FAILED',
      source: 'sqs',
      path: ['Records', 3, 'body', 'orderId'],
      expected: 'string',
      received: 'number',
    })
    expect(error).toBeInstanceOf(SluiceError)
    expect(error).toMatchObject({
      name: 'ParseError',
      code: 'EVENT_PARSE_FAILED',
      source: 'sqs',
      status: 500,
    })
    expect(error.message).toBe(
      'The sqs event does not match the schema at Records[3].body.orderId: expected string, received number. ' +
        'Check what the producer sends against the schema.',
    )
    expect(error.toJSON()).toEqual({
      name: 'ParseError',
      code: 'EVENT_PARSE_FAILED',
      message: error.message,
      status: 500,
      path: ['Records', 3, 'body', 'orderId'],
    })
  })

  test('exposed errors (HTTP bodies) carry status 400', () => {
    const error = new ParseError({
      code: 'EVENT_BODY_NOT_JSON',
      source: 'apigw-http',
      path: ['body'],
      expected: 'JSON text',
      expose: true,
    })
    expect(error).toMatchObject({ expose: true, status: 400 })
    expect(error.message).toContain('is not valid JSON at body')
  })
})

describe('formatPath', () => {
  test('writes paths as code would', () => {
    expect(formatPath(['Records', 0, 'dynamodb', 'NewImage'])).toBe('Records[0].dynamodb.NewImage')
    expect(formatPath(['detail-type'])).toBe('detail-type')
    expect(formatPath(['headers', 'content type'])).toBe('headers["content type"]')
    expect(formatPath([])).toBe('(the event itself)')
  })
})
