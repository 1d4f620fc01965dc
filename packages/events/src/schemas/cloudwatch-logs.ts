import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validCloudwatchLogs } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchlogs.html

/**
 * A CloudWatch Logs subscription event (source id `cloudwatch-logs`): `awslogs.data` is base64 of gzip of JSON.
 * Use `envelopes.cloudwatchLogs(schema)` to decode it (with a size cap).
 *
 * @example
 * const event: CloudwatchLogsEvent = cloudwatchLogsSchema.parse(input)
 */
export const cloudwatchLogsSchema = sourceSchema('cloudwatch-logs', validCloudwatchLogs, () =>
  z.looseObject({ awslogs: z.looseObject({ data: z.string() }) }),
)

/**
 * The type of {@link cloudwatchLogsSchema}; assignable to `CloudWatchLogsEvent` from `@types/aws-lambda`.
 *
 * @example
 * const payload = (event: CloudwatchLogsEvent) => event.awslogs.data
 */
export type CloudwatchLogsEvent = z.output<typeof cloudwatchLogsSchema>

/**
 * The decoded payload of a CloudWatch Logs subscription event. `messageType` is `DATA_MESSAGE`, or
 * `CONTROL_MESSAGE` for the reachability check CloudWatch sends when the subscription is created.
 *
 * @example
 * cloudwatchLogsDecodedSchema.parse(decoded).logEvents.map((e) => e.message)
 */
export const cloudwatchLogsDecodedSchema = lazy(() =>
  z.looseObject({
    owner: z.string(),
    logGroup: z.string(),
    logStream: z.string(),
    subscriptionFilters: z.array(z.string()),
    messageType: z.string(),
    logEvents: z.array(
      z.looseObject({
        id: z.string(),
        timestamp: z.number(),
        message: z.string(),
        extractedFields: z.record(z.string(), z.string()).optional(),
      }),
    ),
    policyLevel: z.string().optional(),
  }),
)

/**
 * The type of {@link cloudwatchLogsDecodedSchema}; assignable to `CloudWatchLogsDecodedData`.
 *
 * @example
 * const messages = (data: CloudwatchLogsDecoded) => data.logEvents.map((e) => e.message)
 */
export type CloudwatchLogsDecoded = z.output<typeof cloudwatchLogsDecodedSchema>
