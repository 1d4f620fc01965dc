import { processBatch } from '@sluice/batch'
import { lambda } from '@sluice/core'
import { logger } from '@sluice/logger'
import type { KinesisStreamEvent } from 'aws-lambda'
import { MetricWindow } from './metric-window.ts'
import { readingSchema } from './reading.ts'

const namespace = process.env.METRICS_NAMESPACE ?? 'Shop'

/**
 * Turns request readings from a Kinesis stream into CloudWatch metrics: Embedded Metric Format lines written by
 * Powertools Metrics.
 * Records are processed one at a time in shard order; the first one that fails (a payload that does not decode
 * or validate) stops the batch, and it and every record after it are reported — so Lambda checkpoints just
 * before it and delivers from there again, and no reading is counted twice or out of order.
 *
 * @example
 * pnpm exec sluice invoke examples/kinesis-metrics/handler.ts#handler --event examples/kinesis-metrics/event.json
 */
export const handler = lambda<KinesisStreamEvent>()
  .use(logger({ service: 'metrics' }))
  .handler(async (event, context) => {
    const window = new MetricWindow(namespace)
    const response = await processBatch(event, (reading) => window.add(reading), {
      context,
      schema: readingSchema,
      onFailure: ({ itemIdentifier, reason, error }) => {
        // the first failure has the error; the records after it are only "blocked"
        if (reason !== 'blocked')
          context.log.warn({ sequenceNumber: itemIdentifier, reason, err: error }, 'record failed')
      },
    })
    // One EMF line per service, route and minute, for the readings that were processed, written to stdout by
    // Powertools Metrics before the handler returns: CloudWatch makes the metrics from the line, no API call.
    const lines = window.publish(context.log)
    context.log.info(
      {
        records: event.Records.length,
        counted: window.added,
        reported: response.batchItemFailures.length,
        lines,
      },
      'batch done',
    )
    return response
  })
