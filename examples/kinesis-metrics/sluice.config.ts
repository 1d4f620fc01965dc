import { defineConfig } from '@sluice/runtime'

// template.yaml on one machine: `pnpm exec sluice dev examples/kinesis-metrics/sluice.config.ts --time-scale 100`.
// The function and its Kinesis event source mapping carry the template's settings; the on-failure destination
// (an SQS queue in AWS) is kept by the source: `sluice dev`'s control endpoint serves it at
// /sources/request-metrics/outputs.
export default defineConfig({
  functions: {
    metrics: {
      handler: 'handler.ts#handler',
      memoryMb: 256,
      timeoutMs: 30_000,
      env: { METRICS_NAMESPACE: 'Shop', POWERTOOLS_SERVICE_NAME: 'metrics' },
      events: [
        {
          kinesis: {
            stream: 'request-metrics',
            startingPosition: 'LATEST',
            batchSize: 500,
            maximumBatchingWindowInSeconds: 5,
            parallelizationFactor: 1, // one batch per shard at a time: shard order is kept
            functionResponseTypes: ['ReportBatchItemFailures'],
            // a poison record must not block its shard forever: retry, split the batch, then describe it on
            // the on-failure destination and move on
            maximumRetryAttempts: 5,
            bisectBatchOnFunctionError: true,
            maximumRecordAgeInSeconds: 3600,
            destinationConfig: { onFailure: { destination: 'failed-readings' } },
          },
        },
      ],
    },
  },
  streams: {
    // an on-demand stream starts with 4 shards; a reading goes to one by the MD5 of its partition key
    'request-metrics': { kind: 'kinesis', shards: 4 },
  },
})
