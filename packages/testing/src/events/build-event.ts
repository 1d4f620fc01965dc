import type { KinesisStreamEvent } from 'aws-lambda'
import { UnknownEventBuilderError } from '../errors.ts'
import { type EventBySourceId, type EventSourceId, events } from './events.ts'
import { type SpecParams, specParams } from './spec-params.ts'

/**
 * The event each builder name produces: every `events` source id, plus `kinesis` (an alias of `kinesis-stream`).
 *
 * @example
 * type Sqs = EventByBuilder['sqs'] // SQSEvent
 */
export type EventByBuilder = EventBySourceId & { kinesis: KinesisStreamEvent }

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

type Kind = 'string' | 'number' | 'boolean'

/** A spec parameter: its kind, and the builder option it sets when that is not the parameter's own name. */
type Parameter = Kind | readonly [Kind, string]

const records = { records: 'number' } as const
const kinesis = { records: 'number', data: 'string', streamName: 'string' } as const

/** The spec parameters of each builder that takes any: the scalar options of `events.<id>()`. */
const parameters: { readonly [K in EventBuilderName]?: Readonly<Record<string, Parameter>> } = {
  sqs: {
    records: 'number',
    body: 'string',
    fifo: 'boolean',
    queueName: 'string',
    groups: 'number',
    receiveCount: 'number',
  },
  'apigw-http': { method: 'string', path: 'string', body: 'string' },
  eventbridge: { detailType: ['string', 'detail-type'], source: 'string' },
  scheduled: { ruleName: 'string' },
  s3: { records: 'number', bucket: 'string', key: 'string' },
  kinesis,
  'kinesis-stream': kinesis,
  'dynamodb-stream': { records: 'number', tableName: 'string' },
  sns: { records: 'number', message: 'string', subject: 'string' },
  ses: records,
  codecommit: records,
  'kinesis-firehose': records,
  kafka: records,
}

const isSourceId = (name: string): name is EventSourceId => Object.hasOwn(events, name)

/**
 * Every builder name, for help texts and error messages: the builders with parameters first.
 *
 * @example
 * console.log(`builders: ${eventBuilderNames.join(', ')}`)
 */
export const eventBuilderNames: readonly EventBuilderName[] = [
  ...new Set<EventBuilderName>([
    ...Object.keys(parameters).filter((name) => name === 'kinesis' || isSourceId(name)),
    ...Object.keys(events).filter(isSourceId),
  ]),
]

/**
 * Builds an event from a spec string: a builder name (any `events` source id, or `kinesis`), optionally followed
 * by query parameters (`sqs?records=10&fifo`) that become the options of `events.<id>()`. Numbers and
 * `true`/`false` are coerced; a bare flag means `true`. A literal spec gives the exact event type.
 *
 * @example
 * buildEvent('sqs?records=10').Records.length // 10, as events.sqs({ records: 10 })
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
  const options = optionsOf(params, parameters[name] ?? {})
  params.assertAllRead(name)
  // Each builder takes its own options type; the table above names only options it has.
  const build: (options: Record<string, unknown>) => BuiltEvent =
    events[name === 'kinesis' ? 'kinesis-stream' : name]
  return build(options)
}

function optionsOf(params: SpecParams, table: Readonly<Record<string, Parameter>>): Record<string, unknown> {
  const options: Record<string, unknown> = {}
  for (const [param, parameter] of Object.entries(table)) {
    const [kind, option] = typeof parameter === 'string' ? [parameter, param] : parameter
    const value = params[kind](param)
    if (value !== undefined) options[option] = value
  }
  return options
}

function isEventBuilderName(name: string): name is EventBuilderName {
  return name === 'kinesis' || isSourceId(name)
}
