import { randomBytes, randomUUID } from 'node:crypto'
import type { MSKEvent, MSKRecord } from 'aws-lambda'
import { type EventSourceOptions, eventSource, type PayloadOption, payloadText } from './common.ts'
import { type DeepPartial, deepMerge, eventPatch, type Overrides, recordPartials } from './deep-merge.ts'
import type { ActiveMqEvent } from './local-types.ts'

/**
 * Overrides for `events.kafka`: a count or one partial per record (a non-string `value` becomes JSON, then base64),
 * all on `topic` partition 0 unless a partial says otherwise.
 *
 * @example
 * const partial: KafkaPartial = { topic: 'clicks', records: [{ value: { page: '/' } }] }
 */
export type KafkaPartial = EventSourceOptions &
  Omit<DeepPartial<MSKEvent>, 'records'> & {
    records?: number | ReadonlyArray<Omit<DeepPartial<MSKRecord>, 'value'> & { value?: unknown }>
    topic?: string
  }

/**
 * `events.kafka`: an Amazon MSK event; records grouped by `<topic>-<partition>` as Lambda groups them.
 *
 * @example
 * events.kafka({ topic: 'clicks', records: [{ value: { page: '/' } }] })
 */
export function kafkaFromPartial(partial: KafkaPartial = {}): MSKEvent {
  const { region, accountId, now } = eventSource(partial)
  const { records, topic = 'sluice-topic', region: _, accountId: __, clock: ___, ...rest } = partial
  const cluster = `${randomUUID()}-${1 + ((randomBytes(1)[0] ?? 0) % 9)}`
  const grouped: MSKEvent['records'] = {}
  recordPartials(records).forEach((part, i) => {
    const { value, ...recordRest } = part ?? {}
    const record = deepMerge<MSKRecord>(
      {
        topic,
        partition: 0,
        offset: i,
        timestamp: now,
        timestampType: 'CREATE_TIME',
        key: Buffer.from(`key-${i}`).toString('base64'),
        value: Buffer.from(
          payloadText(value as PayloadOption | undefined, i, (index) => ({ index })),
        ).toString('base64'),
        headers: [{ 'content-type': [...Buffer.from('application/json')] }],
      },
      recordRest,
    )
    const group = `${record.topic}-${record.partition}`
    grouped[group] = [...(grouped[group] ?? []), record]
  })
  const base: MSKEvent = {
    eventSource: 'aws:kafka',
    eventSourceArn: `arn:aws:kafka:${region}:${accountId}:cluster/sluice-cluster/${cluster}`,
    bootstrapServers: `b-1.sluice.${randomBytes(3).toString('hex')}.c2.kafka.${region}.amazonaws.com:9098`,
    records: grouped,
  }
  return deepMerge<MSKEvent>(base, rest)
}

/**
 * `events.mq`: an Amazon MQ for ActiveMQ event with one JSON text message.
 *
 * @example
 * events.mq().messages[0]?.data // base64 of '{"index":0}'
 */
export function mqFromPartial(partial: Overrides<ActiveMqEvent> = {}): ActiveMqEvent {
  const { region, accountId, now } = eventSource(partial)
  const broker = `b-${randomUUID()}`
  const base: ActiveMqEvent = {
    eventSource: 'aws:mq',
    eventSourceArn: `arn:aws:mq:${region}:${accountId}:broker:sluice-broker:${broker}`,
    messages: [
      {
        messageID: `ID:${broker}-1.mq.${region}.amazonaws.com-37557-1234520418293-4:1:1:1:1`,
        messageType: 'jms/text-message',
        data: Buffer.from(JSON.stringify({ index: 0 })).toString('base64'),
        connectionId: 'myJMSCoID',
        redelivered: false,
        persistent: true,
        destination: { physicalName: 'sluice-queue' },
        timestamp: now,
        brokerInTime: now,
        brokerOutTime: now + 1,
        properties: { index: '0' },
      },
    ],
  }
  return deepMerge<ActiveMqEvent>(base, eventPatch(partial))
}
