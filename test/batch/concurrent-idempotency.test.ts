import { batch } from '@sluice/batch'
import { lambda } from '@sluice/core'
import { idempotentRecord, memoryStore } from '@sluice/idempotency'
import { createContext, events } from '@sluice/testing'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import { expect, test } from 'vitest'

// SQS delivers at least once: on Managed Instances the same message can sit in two batches in flight at once on
// one worker, both going through its module-scope batch() and idempotentRecord() hook.

test('two batches in flight share a message: it runs once, the other batch reports it and completes the rest', async () => {
  const shared = events.sqs({ records: 1 }).Records[0] as SQSRecord
  const first: SQSEvent = { Records: [shared, ...events.sqs({ records: 2 }).Records] }
  const second: SQSEvent = { Records: [...events.sqs({ records: 2 }).Records, shared] }
  const held = Promise.withResolvers<void>()
  const started = Promise.withResolvers<void>()
  const runs: string[] = []
  const handler = lambda<SQSEvent>()
    .use(
      batch(
        async (record: SQSRecord) => {
          runs.push(record.messageId)
          if (record === shared) {
            started.resolve()
            await held.promise
          }
        },
        {
          wrapRecord: idempotentRecord<SQSRecord>({
            key: (record) => record.messageId,
            store: memoryStore(),
          }),
        },
      ),
    )
    .handler((_event, context) => context.batch)

  const inFirst = handler(first, createContext({ awsRequestId: 'first', timeoutMs: 60_000 }))
  await started.promise // the first batch holds the shared message
  const responseSecond = await handler(second, createContext({ awsRequestId: 'second', timeoutMs: 60_000 }))
  expect(responseSecond.batchItemFailures).toEqual([{ itemIdentifier: shared.messageId }])
  held.resolve()
  expect((await inFirst).batchItemFailures).toEqual([])
  expect(runs.filter((id) => id === shared.messageId)).toHaveLength(1)
  expect(runs.sort()).toEqual(
    [...first.Records, ...second.Records.slice(0, 2)].map((r) => r.messageId).sort(),
  )
})
