import { createHash } from 'node:crypto'
import { SluiceRuntimeError } from '../errors.ts'
import type { ResolvedSqsOptions } from './sqs-options.ts'

/** A JSON value: what `send` stringifies when a body is not already a string. */
export type SqsJsonValue = string | number | boolean | null | SqsJsonValue[] | { [key: string]: SqsJsonValue }

/**
 * One message attribute as `SendMessage` takes it: `String` and `Number` carry `stringValue`, `Binary` carries
 * `binaryValue` (base64); a custom type goes after a dot (`Number.float`).
 *
 * @example
 * const attribute: SqsMessageAttributeInput = { dataType: 'String', stringValue: 'eu-west-1' }
 */
export interface SqsMessageAttributeInput {
  readonly dataType: string
  readonly stringValue?: string
  readonly binaryValue?: string
}

/**
 * What one message sent to an SQS source is: a body string, or the body (a JSON value is stringified) with what
 * `SendMessage` takes besides. FIFO queues need `messageGroupId`, and `messageDeduplicationId` unless the queue
 * has content-based deduplication; `delaySeconds` is for standard queues.
 *
 * @example
 * await orders.send([{ body: { orderId: 'ord-1' } }, '{"orderId":"ord-2"}'])
 */
export type SqsMessageInput =
  | string
  | {
      readonly body: SqsJsonValue
      readonly messageAttributes?: Readonly<Record<string, SqsMessageAttributeInput>>
      readonly messageGroupId?: string
      readonly messageDeduplicationId?: string
      readonly delaySeconds?: number
    }

/** A message as checked by {@link parseSqsMessage}: ready for the queue. */
export interface ParsedSqsMessage {
  readonly body: string
  readonly attributes: Readonly<Record<string, SqsMessageAttributeInput>>
  readonly groupId: string | undefined
  readonly deduplicationId: string | undefined
  readonly delayMs: number
}

const KEYS = new Set([
  'body',
  'messageAttributes',
  'messageGroupId',
  'messageDeduplicationId',
  'delaySeconds',
])
// The characters SQS accepts in a body (the XML 1.0 character set); a lone surrogate is outside it.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
const GROUP_ID = /^[\w!"#$%&'()*+,\-./:;<=>?@[\\\]^`{|}~]{1,128}$/
const ATTRIBUTE_NAME = /^(?!\.)(?!.*\.\.)(?!(aws|amazon)\.)[\w.-]{1,256}(?<!\.)$/i
const DATA_TYPE = /^(String|Number|Binary)(\.[\w.-]{1,249})?$/
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const bad = (message: string) => new SluiceRuntimeError('EVENT_SOURCE_INVALID_MESSAGE', message)
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function bodyText(body: unknown): string {
  let text: string | undefined
  try {
    text = typeof body === 'string' ? body : JSON.stringify(body)
  } catch (error) {
    throw new SluiceRuntimeError('EVENT_SOURCE_INVALID_MESSAGE', 'sqs body is not JSON-serialisable', {
      cause: error,
    })
  }
  if (text === undefined || text.length === 0)
    throw bad('sqs body must be a non-empty string or a JSON value')
  if (FORBIDDEN.test(text))
    throw bad('sqs body holds a character SQS rejects (outside the XML 1.0 character set)')
  return text
}

function attribute(name: string, value: unknown): SqsMessageAttributeInput {
  if (!ATTRIBUTE_NAME.test(name))
    throw bad(
      `sqs message attribute name ${JSON.stringify(name)}: 1–256 of A-Z a-z 0-9 _ - . (no AWS./Amazon. prefix, no ..)`,
    )
  if (!isRecord(value) || typeof value.dataType !== 'string' || !DATA_TYPE.test(value.dataType))
    throw bad(`sqs message attribute ${name}: dataType must be String, Number or Binary (optionally .custom)`)
  const { dataType, stringValue, binaryValue } = value
  if (Object.keys(value).some((key) => !['dataType', 'stringValue', 'binaryValue'].includes(key)))
    throw bad(
      `sqs message attribute ${name}: only dataType, stringValue and binaryValue (list values are not implemented by SQS)`,
    )
  if (dataType.startsWith('Binary')) {
    if (typeof binaryValue !== 'string' || binaryValue.length === 0 || !BASE64.test(binaryValue))
      throw bad(`sqs message attribute ${name}: a Binary attribute needs binaryValue, non-empty base64`)
    return { dataType, binaryValue }
  }
  if (typeof stringValue !== 'string' || stringValue.length === 0 || FORBIDDEN.test(stringValue))
    throw bad(`sqs message attribute ${name}: a ${dataType} attribute needs a non-empty stringValue`)
  if (dataType.startsWith('Number') && !NUMBER.test(stringValue))
    throw bad(`sqs message attribute ${name}: ${JSON.stringify(stringValue)} is not a number`)
  return { dataType, stringValue }
}

function attributes(value: unknown): Record<string, SqsMessageAttributeInput> {
  if (value === undefined) return {}
  if (!isRecord(value)) throw bad('sqs messageAttributes must be an object of attributes by name')
  const entries = Object.entries(value)
  if (entries.length > 10) throw bad(`sqs messageAttributes: at most 10 per message (got ${entries.length})`)
  return Object.fromEntries(entries.map(([name, item]) => [name, attribute(name, item)]))
}

function fifoIds(input: Record<string, unknown>, body: string, options: ResolvedSqsOptions) {
  const { messageGroupId: groupId, messageDeduplicationId: given } = input
  if (groupId !== undefined && (typeof groupId !== 'string' || !GROUP_ID.test(groupId)))
    throw bad('sqs messageGroupId must be 1–128 letters, digits or punctuation')
  if (given !== undefined && (typeof given !== 'string' || !GROUP_ID.test(given)))
    throw bad('sqs messageDeduplicationId must be 1–128 letters, digits or punctuation')
  if (!options.fifo) {
    if (given !== undefined) throw bad('sqs messageDeduplicationId is for FIFO queues only')
    return { groupId, deduplicationId: undefined }
  }
  if (groupId === undefined)
    throw bad(`sqs ${options.name}: a FIFO queue needs messageGroupId on every message`)
  if (given === undefined && !options.contentBasedDeduplication)
    throw bad(`sqs ${options.name}: give messageDeduplicationId or enable contentBasedDeduplication`)
  return { groupId, deduplicationId: given ?? createHash('sha256').update(body).digest('hex') }
}

/** Bytes SQS counts against the size limit: the body and each attribute's name, type and value. */
export function sqsMessageSize(message: Pick<ParsedSqsMessage, 'body' | 'attributes'>): number {
  let bytes = Buffer.byteLength(message.body)
  for (const [name, { dataType, stringValue, binaryValue }] of Object.entries(message.attributes))
    bytes +=
      Buffer.byteLength(name) +
      Buffer.byteLength(dataType) +
      (binaryValue === undefined
        ? Buffer.byteLength(stringValue ?? '')
        : Buffer.from(binaryValue, 'base64').length)
  return bytes
}

/**
 * Checks one message of untrusted input (`sluice send` hands over a user's JSON) against SQS's rules for the
 * queue; throws `EVENT_SOURCE_INVALID_MESSAGE`, or `EVENT_SOURCE_PAYLOAD_TOO_LARGE` above the size limit.
 *
 * @example
 * parseSqsMessage({ body: { orderId: 'o-1' }, messageGroupId: 'g' }, options).body // '{"orderId":"o-1"}'
 */
export function parseSqsMessage(input: unknown, options: ResolvedSqsOptions): ParsedSqsMessage {
  const fields: Record<string, unknown> =
    typeof input === 'string' ? { body: input } : isRecord(input) ? input : {}
  if (!('body' in fields)) throw bad('sqs message must be a body string or an object with body')
  const unknown = Object.keys(fields).filter((key) => !KEYS.has(key))
  if (unknown.length > 0)
    throw bad(`sqs message has unknown field(s) ${unknown.join(', ')}; allowed: ${[...KEYS].join(', ')}`)
  const body = bodyText(fields.body)
  const delay = fields.delaySeconds
  if (
    delay !== undefined &&
    (options.fifo || typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 900)
  )
    throw bad(
      `sqs delaySeconds must be an integer from 0 to 900, on standard queues only (got ${JSON.stringify(delay)})`,
    )
  const message = {
    body,
    attributes: attributes(fields.messageAttributes),
    ...fifoIds(fields, body, options),
    delayMs: typeof delay === 'number' ? delay * 1000 : options.delayMs,
  }
  const size = sqsMessageSize(message)
  if (size > options.maximumMessageSize)
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
      `sqs message of ${size} bytes is above the queue's maximumMessageSize of ${options.maximumMessageSize} bytes (SQS allows at most 1 MiB): put the payload in S3 and send its key`,
    )
  return message
}
