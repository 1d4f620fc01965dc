import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validMq } from './precompiled.ts'

// https://docs.aws.amazon.com/lambda/latest/dg/with-mq.html

const activeMq = lazy(() =>
  z.looseObject({
    // 'aws:mq' as Lambda documents it; AWS's .NET sample spells it 'aws:amq'
    eventSource: z.enum(['aws:mq', 'aws:amq']),
    eventSourceArn: z.string(),
    messages: z.array(
      z.looseObject({
        messageID: z.string(),
        messageType: z.string(),
        // base64 of the message body
        data: z.string(),
        connectionId: z.string().optional(),
        // absent from some of AWS's samples (.NET bytes message)
        redelivered: z.boolean().optional(),
        persistent: z.boolean().optional(),
        // physicalName as documented; AWS's .NET sample spells it physicalname
        destination: z.looseObject({ physicalName: z.string().optional() }),
        timestamp: z.number(),
        brokerInTime: z.number(),
        brokerOutTime: z.number(),
        deliveryMode: z.number().optional(),
        correlationID: z.string().optional(),
        replyTo: z.string().optional(),
        type: z.string().optional(),
        expiration: z.number().optional(),
        priority: z.number().optional(),
        properties: z.record(z.string(), z.string()).optional(),
      }),
    ),
  }),
)

const rabbitMq = lazy(() =>
  z.looseObject({
    eventSource: z.literal('aws:rmq'),
    eventSourceArn: z.string(),
    // "<queue>::<virtual host>" → messages
    rmqMessagesByQueue: z.record(
      z.string(),
      z.array(
        z.looseObject({
          basicProperties: z.looseObject({
            contentType: z.string().nullable(),
            contentEncoding: z.string().nullable(),
            // header values are numbers, strings, or { bytes: [...] } for binary values
            headers: z.record(z.string(), z.unknown()).nullable(),
            deliveryMode: z.number().nullable(),
            priority: z.number().nullable(),
            correlationId: z.string().nullable(),
            replyTo: z.string().nullable(),
            expiration: z.string().nullable(),
            messageId: z.string().nullable(),
            timestamp: z.string().nullable(),
            type: z.string().nullable(),
            userId: z.string().nullable(),
            appId: z.string().nullable(),
            clusterId: z.string().nullable(),
            bodySize: z.number(),
          }),
          redelivered: z.boolean(),
          // base64 of the message body
          data: z.string(),
        }),
      ),
    ),
  }),
)

/**
 * An Amazon MQ event (source id `mq`): ActiveMQ (`eventSource: 'aws:mq'`, `messages`) or RabbitMQ
 * (`eventSource: 'aws:rmq'`, `rmqMessagesByQueue`). Message bodies are base64.
 *
 * @example
 * const event = mqSchema.parse(input)
 * const bodies = event.eventSource === 'aws:mq' ? event.messages.map((m) => m.data) : []
 */
export const mqSchema = sourceSchema('mq', validMq, () =>
  z.discriminatedUnion('eventSource', [activeMq, rabbitMq]),
)

/**
 * The type of {@link mqSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const arn = (event: MqEvent) => event.eventSourceArn
 */
export type MqEvent = z.output<typeof mqSchema>
