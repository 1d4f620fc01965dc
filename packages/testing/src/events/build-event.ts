import type {
  APIGatewayProxyEventV2,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  KinesisStreamEvent,
  S3Event,
  ScheduledEvent,
  SNSEvent,
  SQSEvent,
} from 'aws-lambda'
import { UnknownEventBuilderError } from '../errors.ts'
import { apiGatewayHttpEvent } from './api-gateway-http.ts'
import { dynamoDbStreamEvent } from './dynamodb-stream.ts'
import { eventBridgeEvent } from './eventbridge.ts'
import { type EventBySourceId, type EventSourceId, events } from './events.ts'
import { kinesisEvent } from './kinesis.ts'
import { s3Event } from './s3.ts'
import { scheduledEvent } from './scheduled.ts'
import { snsEvent } from './sns.ts'
import { type SpecParams, specParams } from './spec-params.ts'
import { sqsEvent } from './sqs.ts'

/** The builders with their own spec parameters (the first `buildEvent` knew). */
type ParamBuilders = {
  sqs: SQSEvent
  'apigw-http': APIGatewayProxyEventV2
  eventbridge: EventBridgeEvent<string, Record<string, string>>
  scheduled: ScheduledEvent<Record<string, never>>
  s3: S3Event
  kinesis: KinesisStreamEvent
  'kinesis-stream': KinesisStreamEvent
  'dynamodb-stream': DynamoDBStreamEvent
  sns: SNSEvent
}

/**
 * The event each builder name produces: every `events` source id, plus `kinesis` (an alias of `kinesis-stream`).
 *
 * @example
 * type Sqs = EventByBuilder['sqs'] // SQSEvent
 */
export type EventByBuilder = Omit<EventBySourceId, keyof ParamBuilders> & ParamBuilders

/**
 * A name `buildEvent` understands.
 *
 * @example
 * const name: EventBuilderName = 'dynamodb-stream'
 */
export type EventBuilderName = keyof EventByBuilder

/**
 * Any event `buildEvent` can produce.
 *
 * @example
 * const event: BuiltEvent = buildEvent(process.argv[2] ?? 'sqs')
 */
export type BuiltEvent = EventByBuilder[EventBuilderName]

// Sources whose only spec parameter is `records`
const recordBuilders = ['ses', 'codecommit', 'kinesis-firehose', 'kafka'] as const

type DefaultBuilders = {
  [K in Exclude<EventBuilderName, keyof ParamBuilders>]: (params: SpecParams) => EventByBuilder[K]
}

/** Every other source builds from its defaults, taking no parameters (or only `records`). */
function defaultBuilders(paramNames: readonly string[]): DefaultBuilders {
  const out: Record<string, (params: SpecParams) => unknown> = {}
  for (const id of Object.keys(events) as EventSourceId[]) {
    if (paramNames.includes(id)) continue
    // Some builders are generic in their overrides: call each through the one signature they all share.
    const build: (partial?: never) => unknown = events[id]
    out[id] = (recordBuilders as readonly string[]).includes(id)
      ? (params) => build({ records: params.number('records') } as never)
      : () => build()
  }
  return out as DefaultBuilders
}

const paramBuilders: { [K in keyof ParamBuilders]: (params: SpecParams) => ParamBuilders[K] } = {
  sqs: (params) => sqsFromParams(params),
  'apigw-http': (params) =>
    apiGatewayHttpEvent({
      method: params.string('method'),
      path: params.string('path'),
      body: params.string('body'),
    }),
  eventbridge: (params) =>
    eventBridgeEvent({
      detailType: params.string('detailType') ?? 'Sluice Test Event',
      source: params.string('source'),
      detail: {},
    }),
  scheduled: (params) => scheduledEvent({ ruleName: params.string('ruleName') }),
  s3: (params) =>
    s3Event({
      records: params.number('records'),
      bucket: params.string('bucket'),
      key: params.string('key'),
    }),
  kinesis: (params) => kinesisFromParams(params),
  'kinesis-stream': (params) => kinesisFromParams(params),
  'dynamodb-stream': (params) =>
    dynamoDbStreamEvent({ records: params.number('records'), tableName: params.string('tableName') }),
  sns: (params) =>
    snsEvent({
      records: params.number('records'),
      message: params.string('message'),
      subject: params.string('subject'),
    }),
}

const builders: { [K in EventBuilderName]: (params: SpecParams) => EventByBuilder[K] } = {
  ...paramBuilders,
  ...defaultBuilders(Object.keys(paramBuilders)),
}

/**
 * Every builder name, for help texts and error messages.
 *
 * @example
 * console.log(`builders: ${eventBuilderNames.join(', ')}`)
 */
export const eventBuilderNames: readonly EventBuilderName[] = Object.keys(builders).filter(isEventBuilderName)

/**
 * Builds an event from a spec string: a builder name (any `events` source id, or `kinesis`), optionally followed
 * by query parameters (`sqs?records=10&fifo`). Numbers and `true`/`false` are coerced; a bare flag means `true`.
 * The sources `buildEvent` knew first take their options as parameters; `ses`, `codecommit`, `kinesis-firehose`
 * and `kafka` take `records`; the others take none.
 * A literal spec gives the exact event type.
 *
 * @example
 * buildEvent('sqs?records=10').Records.length // 10
 * buildEvent('apigw-http?method=POST&path=/orders').rawPath // '/orders'
 * buildEvent('nope') // throws UnknownEventBuilderError (code UNKNOWN_EVENT_BUILDER)
 */
export function buildEvent<$Name extends EventBuilderName>(
  spec: $Name | `${$Name}?${string}`,
): EventByBuilder[$Name]
export function buildEvent(spec: string): BuiltEvent
export function buildEvent(spec: string): BuiltEvent {
  const separator = spec.indexOf('?')
  const name = separator === -1 ? spec : spec.slice(0, separator)
  if (!isEventBuilderName(name)) throw new UnknownEventBuilderError(name, eventBuilderNames)
  const params = specParams(separator === -1 ? '' : spec.slice(separator + 1))
  const event = builders[name](params)
  params.assertAllRead(name)
  return event
}

function isEventBuilderName(name: string): name is EventBuilderName {
  return Object.hasOwn(builders, name)
}

function kinesisFromParams(params: SpecParams): KinesisStreamEvent {
  return kinesisEvent({
    records: params.number('records'),
    data: params.string('data'),
    streamName: params.string('streamName'),
  })
}

function sqsFromParams(params: SpecParams): SQSEvent {
  return sqsEvent({
    records: params.number('records'),
    body: params.string('body'),
    fifo: params.boolean('fifo'),
    queueName: params.string('queueName'),
    groups: params.number('groups'),
    receiveCount: params.number('receiveCount'),
  })
}
