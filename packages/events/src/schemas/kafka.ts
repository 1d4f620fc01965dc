import { z } from 'zod'
import { lazy } from '../lazy.ts'

const kafkaRecord = lazy(() =>
  z.looseObject({
    topic: z.string(),
    partition: z.number(),
    offset: z.number(),
    timestamp: z.number(),
    timestampType: z.enum(['CREATE_TIME', 'LOG_APPEND_TIME']),
    // base64; absent for records without a key
    key: z.string().optional(),
    // base64; use envelopes.kafka(schema) to decode and parse
    value: z.string(),
    // each header: name → the value's bytes (signed, as Java writes them)
    headers: z.array(z.record(z.string(), z.array(z.number()))),
  }),
)

const records = lazy(() => z.record(z.string(), z.array(kafkaRecord)))

/**
 * A Kafka event (source id `kafka`): Amazon MSK (`eventSource: 'aws:kafka'`) or self-managed Apache Kafka
 * (`eventSource: 'SelfManagedKafka'`). `records` groups records by `<topic>-<partition>`.
 *
 * @example
 * const event: KafkaEvent = kafkaSchema.parse(input)
 * const all = Object.values(event.records).flat()
 */
export const kafkaSchema = lazy(() =>
  z.discriminatedUnion('eventSource', [
    z.looseObject({
      eventSource: z.literal('aws:kafka'),
      eventSourceArn: z.string(),
      bootstrapServers: z.string(),
      records,
    }),
    z.looseObject({
      eventSource: z.literal('SelfManagedKafka'),
      bootstrapServers: z.string(),
      records,
    }),
  ]),
)

/**
 * The type of {@link kafkaSchema}: `MSKEvent` or `SelfManagedKafkaEvent`, except that `key` is optional.
 *
 * @example
 * const count = (event: KafkaEvent) => Object.values(event.records).flat().length
 */
export type KafkaEvent = z.output<typeof kafkaSchema>
