import { defineConfig } from '@sluice/runtime'

// template.yaml on one machine: `pnpm exec sluice dev examples/sqs-orders/sluice.config.ts --time-scale 100`.
// The function, its SQS mapping and the queue with its redrive policy carry the template's settings; the
// DynamoDB table is replaced by the memory store (an embedded default: nothing to start). A memory store is
// per container, so with several containers a message delivered twice may be fulfilled twice — see the README.
export default defineConfig({
  functions: {
    orders: {
      handler: 'handler.ts#handler',
      memoryMb: 512,
      timeoutMs: 30_000,
      // ScalingConfig.MaximumConcurrency: at most 10 batches in flight, so at most 10 containers
      concurrency: 10,
      env: { SLUICE_IDEMPOTENCY_STORE: 'memory', POWERTOOLS_SERVICE_NAME: 'orders' },
      events: [
        {
          sqs: {
            queue: 'orders',
            batchSize: 50,
            maximumBatchingWindowInSeconds: 2,
            // without it the poller ignores batchItemFailures and deletes the whole batch
            functionResponseTypes: ['ReportBatchItemFailures'],
            maximumConcurrency: 10,
          },
        },
      ],
    },
  },
  queues: {
    // 6 × the 30 s function timeout, as AWS recommends; a poison message is parked after 3 receives
    orders: { visibilityTimeout: 180, maxReceiveCount: 3, messageRetentionPeriod: 345_600 },
  },
})
