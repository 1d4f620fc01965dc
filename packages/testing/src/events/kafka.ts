import { randomBytes, randomUUID } from 'node:crypto'
import type { MSKEvent, MSKRecord, SelfManagedKafkaEvent } from 'aws-lambda'
import { type EventSourceOptions, eventSource, recordPayload } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'

/** One record partial of `events.kafka`: a non-string `value` becomes JSON, then base64. */
type KafkaRecordPartial = Omit<DeepPartial<MSKRecord>, 'value'> & { value?: unknown }

/**
 * Overrides for `events.kafka`: a count or one partial per record (a non-string `value` becomes JSON, then base64),
 * all on `topic` partition 0 unless a partial says otherwise. `records` may also be grouped by `<topic>-<partition>`
 * as Lambda delivers them, string values taken as the base64 they already are (an `MSKEvent` or
 * `SelfManagedKafkaEvent` from `@types/aws-lambda` fits as it is);
 * `eventSource: 'SelfManagedKafka'` builds a self-managed Apache Kafka event (no `eventSourceArn`).
 *
 * @example
 * const partial: KafkaPartial = { topic: 'clicks', records: [{ value: { page: '/' } }] }
 */
export type KafkaPartial = EventSourceOptions &
  Omit<DeepPartial<MSKEvent>, 'records' | 'eventSource'> & {
    eventSource?: 'aws:kafka' | 'SelfManagedKafka'
    records?:
      | number
      | ReadonlyArray<KafkaRecordPartial>
      | { readonly [topicPartition: string]: ReadonlyArray<KafkaRecordPartial> }
    topic?: string
  }

/**
 * The event `events.kafka` builds for overrides `$Partial`: self-managed when it says so, MSK when it does not,
 * either when `eventSource` is only known to be one of the two.
 *
 * @example
 * type Built = KafkaEventOf<{ eventSource: 'SelfManagedKafka' }> // SelfManagedKafkaEvent
 */
export type KafkaEventOf<$Partial> = $Partial extends { eventSource: 'SelfManagedKafka' }
  ? SelfManagedKafkaEvent
  : $Partial extends { eventSource?: infer $Source }
    ? 'eventSource' extends keyof $Partial
      ? 'SelfManagedKafka' extends $Source
        ? MSKEvent | SelfManagedKafkaEvent
        : MSKEvent
      : MSKEvent
    : MSKEvent

/** Records grouped by `<topic>-<partition>`: the shape Lambda delivers, with `value` already base64. */
const isGrouped = (
  records: KafkaPartial['records'],
): records is { readonly [topicPartition: string]: ReadonlyArray<KafkaRecordPartial> } =>
  typeof records === 'object' && !Array.isArray(records)

/**
 * `events.kafka`: an Amazon MSK event (or a self-managed Kafka one with `eventSource: 'SelfManagedKafka'`); records
 * grouped by `<topic>-<partition>` as Lambda groups them.
 *
 * @example
 * events.kafka({ topic: 'clicks', records: [{ value: { page: '/' } }] }) // MSKEvent
 * events.kafka({ eventSource: 'SelfManagedKafka' }) // SelfManagedKafkaEvent
 */
export function kafkaFromPartial<const $Partial extends KafkaPartial = {}>(
  partial: $Partial = {} as $Partial,
): KafkaEventOf<$Partial> {
  const { region, accountId, now } = eventSource(partial)
  const {
    records,
    topic = 'sluice-topic',
    region: _,
    accountId: __,
    clock: ___,
    ...rest
  } = partial as KafkaPartial
  const cluster = `${randomUUID()}-${1 + ((randomBytes(1)[0] ?? 0) % 9)}`
  const grouped: MSKEvent['records'] = {}
  const delivered = isGrouped(records)
  const list = delivered
    ? Object.values(records).flat()
    : (records as number | KafkaRecordPartial[] | undefined)
  recordPartials(list).forEach((part, i) => {
    const { value, ...recordRest } = part ?? {}
    const base64 =
      delivered && typeof value === 'string'
        ? value
        : Buffer.from(recordPayload(value, undefined, i, (index) => ({ index }))).toString('base64')
    const record = deepMerge<MSKRecord>(
      {
        topic,
        partition: 0,
        offset: i,
        timestamp: now,
        timestampType: 'CREATE_TIME',
        key: Buffer.from(`key-${i}`).toString('base64'),
        value: base64,
        headers: [{ 'content-type': [...Buffer.from('application/json')] }],
      },
      recordRest,
    )
    const group = `${record.topic}-${record.partition}`
    grouped[group] = [...(grouped[group] ?? []), record]
  })
  const bootstrapServers = `b-1.sluice.${randomBytes(3).toString('hex')}.c2.kafka.${region}.amazonaws.com:9098`
  if (rest.eventSource === 'SelfManagedKafka') {
    const { eventSourceArn: ____, ...selfManaged } = rest
    const base: SelfManagedKafkaEvent = {
      eventSource: 'SelfManagedKafka',
      bootstrapServers,
      records: grouped,
    }
    return deepMerge(base, { ...selfManaged, eventSource: 'SelfManagedKafka' }) as KafkaEventOf<$Partial>
  }
  const base: MSKEvent = {
    eventSource: 'aws:kafka',
    eventSourceArn: `arn:aws:kafka:${region}:${accountId}:cluster/sluice-cluster/${cluster}`,
    bootstrapServers,
    records: grouped,
  }
  return deepMerge(base, { ...rest, eventSource: 'aws:kafka' }) as KafkaEventOf<$Partial>
}
