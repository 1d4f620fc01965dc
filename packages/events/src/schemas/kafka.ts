import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { openEnum } from './open-enum.ts'

// MSK: https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html
// self-managed: https://docs.aws.amazon.com/lambda/latest/dg/with-kafka.html

const headerValue = lazy(() => z.union([z.array(z.number()), z.array(z.array(z.number())), z.string()]))

const kafkaRecord = lazy(() =>
  z.looseObject({
    topic: z.string(),
    partition: z.number(),
    offset: z.number(),
    timestamp: z.number(),
    timestampType: openEnum(['CREATE_TIME', 'LOG_APPEND_TIME', 'NO_TIMESTAMP_TYPE']),
    // base64; absent or null for records without a key
    key: z.string().nullish(),
    // base64; null for a tombstone (a delete marker on a compacted topic); envelopes.kafka(schema) decodes it
    value: z.string().nullable(),
    // each header: name → the value's bytes (signed, as Java writes them), an array of such byte arrays, or a
    // string (as some producers and AWS's samples send it); absent when the record has none
    headers: z.array(z.record(z.string(), headerValue)).optional(),
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
export const kafkaSchema = sourceSchema('kafka', () =>
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
 * The type of {@link kafkaSchema}: `MSKEvent` or `SelfManagedKafkaEvent`, except that `key` may be absent or null, `value`
 * null (a tombstone), `headers` absent and a header value a string or several byte arrays.
 *
 * @example
 * const count = (event: KafkaEvent) => Object.values(event.records).flat().length
 */
export type KafkaEvent = z.output<typeof kafkaSchema>
