import * as z from 'zod'
import { lazy } from '../lazy.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html

/**
 * The fields Kinesis and DynamoDB Streams add when the event source mapping has a tumbling window
 * (`TumblingWindowInSeconds`): all optional, as plain stream events carry none of them.
 *
 * @example
 * const windowed = z.looseObject({ Records: z.array(record), ...tumblingWindowShape })
 */
export const tumblingWindowShape = lazy(() => ({
  window: z.looseObject({ start: z.string(), end: z.string() }).optional(),
  state: z.record(z.string(), z.unknown()).optional(),
  shardId: z.string().optional(),
  eventSourceARN: z.string().optional(),
  isFinalInvokeForWindow: z.boolean().optional(),
  isWindowTerminatedEarly: z.boolean().optional(),
}))
