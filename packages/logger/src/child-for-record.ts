import { attributeCorrelationId } from './correlation-id.ts'
import { rootInfo } from './create-logger.ts'
import { attempt, capField, MAX_FIELD_LENGTH } from './field-cap.ts'
import { sluiceFields } from './fields.ts'
import type { Logger } from './logger-type.ts'

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined

/**
 * The id of a batch record, first found: SQS `messageId`, SNS `Sns.MessageId`, Kinesis and DynamoDB
 * streams `eventID`, S3 `s3.object.key`, Kafka `topic-partition-offset`, else a top-level `id` (EventBridge).
 *
 * @example
 * recordIdOf({ messageId: '059f36b4', eventSource: 'aws:sqs' }) // '059f36b4'
 */
export const recordIdOf = (record: unknown): string | undefined => {
  if (!isObject(record)) return undefined
  const sns = isObject(record.Sns) ? text(record.Sns.MessageId) : undefined
  const s3 = isObject(record.s3) && isObject(record.s3.object) ? text(record.s3.object.key) : undefined
  const kafka =
    text(record.topic) !== undefined && text(record.offset) !== undefined
      ? `${record.topic}-${record.partition}-${record.offset}`
      : undefined
  return text(record.messageId) ?? sns ?? text(record.eventID) ?? s3 ?? kafka ?? text(record.id)
}

/**
 * A child logger for one batch record: bound to its id (`recordId`, or `record_id` with Powertools names) and,
 * when the record carries an `x-correlation-id` message attribute the invocation's logger does not already
 * have, to that correlation id (both cut to the root's `maxFieldLength`). Buffering and sampling follow the
 * invocation's logger. A record of any shape is fine: what cannot be read is left out.
 *
 * @example
 * for (const record of event.Records) {
 *   const log = childForRecord(context.log, record)
 *   log.info('processing')
 * }
 */
export const childForRecord = (log: Logger, record: unknown): Logger => {
  const info = rootInfo(log)
  const fields = info?.fields ?? sluiceFields
  const max = info?.maxFieldLength ?? MAX_FIELD_LENGTH
  const bindings: Fields = {}
  const id = capField(
    attempt(() => recordIdOf(record)),
    max,
  )
  if (id !== undefined) bindings[fields.recordId] = id
  const correlationId = capField(
    attempt(() => attributeCorrelationId(record)),
    max,
  )
  if (correlationId !== undefined && log.bindings()[fields.correlationId] === undefined) {
    bindings[fields.correlationId] = correlationId
  }
  return log.child(bindings)
}
