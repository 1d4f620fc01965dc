import { events } from '@sluice/testing'
import type { SNSMessageAttributes } from 'aws-lambda'
import { SluiceRuntimeError } from '../errors.ts'
import type { AsyncInvokerOptions } from './async-invoker.ts'
import { type AsyncSource, asyncSource, badInput, field } from './async-source.ts'

/**
 * Options of {@link snsSource}: the topic, where it lives, and Lambda's asynchronous invocation settings.
 *
 * @example
 * const options: SnsSourceOptions = { function: runtime, topic: 'orders', timeScale: 600 }
 */
export interface SnsSourceOptions extends AsyncInvokerOptions {
  /** Topic name: 1–256 letters, digits, hyphens and underscores. */
  readonly topic: string
  readonly region?: string
  readonly accountId?: string
}

/**
 * One SNS publish: the message (a string, or any JSON value, which becomes its JSON text), an optional subject and
 * message attributes (a string, a number, or a list of strings each).
 *
 * @example
 * const input: SnsSourceInput = { message: { orderId: 'o-1' }, subject: 'order', messageAttributes: { tier: 'gold' } }
 */
export interface SnsSourceInput {
  readonly message: unknown
  /** At most 100 characters, as SNS allows. */
  readonly subject?: string
  readonly messageAttributes?: Readonly<Record<string, string | number | readonly string[]>>
}

/**
 * A topic with the function subscribed: each `send` is one publish, delivered as an `SNSEvent` with one record,
 * invoked asynchronously as SNS does.
 *
 * @example
 * await using orders = snsSource({ function: runtime, topic: 'orders' })
 * await orders.send({ message: { orderId: 'o-1' }, subject: 'order placed' })
 */
export function snsSource(options: SnsSourceOptions): AsyncSource<SnsSourceInput> {
  const { topic } = options
  if (typeof topic !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(topic))
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_INVALID_OPTION',
      `sns: topic must be a topic name (1–256 of A-Z a-z 0-9 - _), got ${JSON.stringify(topic)}`,
    )
  return asyncSource('sns', options, (input, where) => {
    const message = messageOf(input)
    const subject = field(input, 'subject', 'string', 'sns', false)
    if (subject !== undefined && (subject.length > 100 || /[\r\n]/.test(subject)))
      throw badInput('sns', 'subject must be one line of at most 100 characters')
    const attributes = messageAttributes(field(input, 'messageAttributes', 'object', 'sns', false) ?? {})
    return events.sns({
      ...where,
      topicName: topic,
      ...(subject === undefined ? {} : { subject }),
      records: [{ Sns: { Message: message, MessageAttributes: attributes } }],
    })
  })
}

/** The message: a string as it is, any other JSON value as its JSON text (the builder writes it). */
function messageOf(input: unknown): unknown {
  const message: unknown =
    typeof input === 'object' && input !== null ? Reflect.get(input, 'message') : undefined
  if (
    message === undefined ||
    typeof message === 'function' ||
    typeof message === 'symbol' ||
    typeof message === 'bigint'
  )
    throw badInput('sns', 'each message must be an object with "message": a string or a JSON value')
  return message
}

function messageAttributes(given: Record<string, unknown>): SNSMessageAttributes {
  const attributes: SNSMessageAttributes = {}
  for (const [name, value] of Object.entries(given)) {
    if (typeof value === 'string') attributes[name] = { Type: 'String', Value: value }
    else if (typeof value === 'number' && Number.isFinite(value))
      attributes[name] = { Type: 'Number', Value: String(value) }
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      attributes[name] = { Type: 'String.Array', Value: JSON.stringify(value) }
    else throw badInput('sns', `messageAttributes.${name} must be a string, a number or a list of strings`)
  }
  return attributes
}
