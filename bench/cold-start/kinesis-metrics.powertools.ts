// kinesis-metrics on middy with Powertools Logger and the batch processor with parser integration (base64 JSON
// payloads). Powertools' Kinesis processor reports each failed record rather than stopping at the first; the
// aggregation is the example's own, and its EMF lines come from Powertools Metrics as in the sluice handler.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch'
import { parser } from '@aws-lambda-powertools/batch/parser'
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import type { Context, KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda'
import { MetricWindow } from '../../examples/kinesis-metrics/metric-window.ts'
import { type Reading, readingSchema } from '../../examples/kinesis-metrics/reading.ts'

const logger = new Logger({ serviceName: 'metrics' })
const processor = new BatchProcessor(EventType.KinesisDataStreams, {
  parser,
  innerSchema: readingSchema,
  transformer: 'base64',
  logger,
})

export const handler = middy(async (event: KinesisStreamEvent, context: Context) => {
  const window = new MetricWindow(process.env.METRICS_NAMESPACE ?? 'Shop')
  const handleRecord = (record: KinesisStreamRecord & { kinesis: { data: Reading } }) =>
    window.add(record.kinesis.data)
  const response = await processPartialResponse(event, handleRecord as never, processor, { context })
  window.publish(logger)
  return response
}).use(injectLambdaContext(logger))
