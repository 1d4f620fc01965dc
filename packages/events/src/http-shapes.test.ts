import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { sample } from '../../../test/fixtures/corpora/load.ts'
import { detectSource } from './detect-source.ts'
import { type SourceId, schemas } from './sources.ts'

/** Detected as `id`, and that source's schema accepts it: a handler of `id` can use the event. */
const usableAs = (event: unknown, id: SourceId) => {
  expect(detectSource(event)).toBe(id)
  expect(schemas[id].safeParse(event).error?.issues ?? []).toEqual([])
}

describe('events between two HTTP sources go to the one whose handler can use them', () => {
  const connect = () => sample('apigw-websocket-request.json')
  const restProxy = () => sample('proxy-event.json', 'aws-lambda-dotnet')

  test('requestContext.eventType and connectionId make a WebSocket event, REST fields or not', () => {
    const event = connect()
    expect(event).toMatchObject({ httpMethod: 'POST', resource: '/{proxy+}' })
    usableAs(event, 'apigw-websocket')
    for (const key of ['httpMethod', 'resource', 'path']) delete event[key]
    usableAs(event, 'apigw-websocket')
  })

  test('a REST proxy event with a stray connectionId but no eventType is REST: a WebSocket handler could not use it', () => {
    const event = restProxy()
    expect(event).toMatchObject({ requestContext: { connectionId: expect.any(String) } })
    usableAs(event, 'apigw-rest')
    expect(schemas['apigw-websocket'].safeParse(event).success).toBe(false)
  })

  test('a WebSocket $connect authorizer request is an authorizer event: its handler must return a policy', () => {
    const { isBase64Encoded, ...connect } = sample('websocket-api-connect-request.json', 'aws-lambda-dotnet')
    expect(isBase64Encoded).toBe(false)
    const methodArn = 'arn:aws:execute-api:us-east-2:123456789012:lg10ltpf4f/production/$connect'
    const event = { type: 'REQUEST', methodArn, ...connect, queryStringParameters: null, stageVariables: {} }
    usableAs(event, 'apigw-authorizer-request')
    expect(schemas['apigw-websocket'].safeParse(event).success).toBe(false)
  })

  test('without eventType, the $connect sample falls back to REST, which accepts it', () => {
    const event = connect()
    const context = event.requestContext as Record<string, unknown>
    delete context.eventType
    usableAs(event, 'apigw-rest')
  })
})

describe('the HTTP family accepts what AWS documents and sends', () => {
  test('HTTP API payload format 1.0: REST-shaped, resourceId and parameter maps null', () => {
    const event = events['apigw-rest']({ httpMethod: 'POST', body: { a: 1 } })
    const context = { ...event.requestContext, resourceId: null }
    const v1 = {
      ...event,
      version: '1.0',
      requestContext: context,
      pathParameters: null,
      stageVariables: null,
    }
    usableAs(v1, 'apigw-rest')
  })

  test('REST events without the multi-value maps, path or protocol (AWS’s first proxy samples)', () => {
    const { multiValueHeaders, multiValueQueryStringParameters, ...event } = events['apigw-rest']()
    const { path, protocol, ...context } = event.requestContext
    expect([multiValueHeaders, path, protocol]).not.toContain(undefined)
    usableAs({ ...event, requestContext: context }, 'apigw-rest')
  })

  test('function URL events with pathParameters, stageVariables and authentication null', () => {
    const event = events['function-url']()
    const context = { ...event.requestContext, authentication: null }
    usableAs(
      { ...event, pathParameters: null, stageVariables: null, requestContext: context },
      'function-url',
    )
  })

  test('a WebSocket $connect or $disconnect with body null', () => {
    const event = sample('apigw-websocket-request-disconnect.json')
    usableAs({ ...event, body: null }, 'apigw-websocket')
    usableAs(
      { ...sample('websocket-api-connect-request.json', 'aws-lambda-dotnet'), body: null },
      'apigw-websocket',
    )
  })

  test('CloudFront events from before distributionDomainName', () => {
    const event = events.cloudfront()
    for (const record of event.Records) {
      const { distributionDomainName, ...config } = record.cf.config
      expect(distributionDomainName).toEqual(expect.any(String))
      Object.assign(record.cf, { config })
    }
    usableAs(event, 'cloudfront')
  })
})
