import { processBatch } from '@sluice/batch'
import { idempotentRecord, memoryStore } from '@sluice/idempotency'
import { createContext, events, hang } from '@sluice/testing'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import { expect, test } from 'vitest'

/** The same messages delivered again, as SQS does after a visibility timeout (receive count one higher). */
const redeliver = (event: SQSEvent): SQSEvent => ({
  Records: event.Records.map((record) => ({
    ...record,
    attributes: {
      ...record.attributes,
      ApproximateReceiveCount: String(Number(record.attributes.ApproximateReceiveCount) + 1),
    },
  })),
})

test('with idempotentRecord as wrapRecord, a redelivered record that completed is skipped and counts as success', async () => {
  const store = memoryStore()
  const wrapRecord = idempotentRecord<SQSRecord>({ key: (record) => record.messageId, store })
  const event = events.sqs({ records: 4 })
  const runs: Array<[string, number | undefined]> = []
  const handle = async (record: SQSRecord, { attempt }: { attempt: number | undefined }) => {
    runs.push([record.messageId, attempt])
    if (record === event.Records[2] && attempt === 1) throw new Error('downstream hiccup')
  }

  const first = await processBatch(event, handle, { context: createContext(), wrapRecord })
  expect(first.batchItemFailures).toEqual([{ itemIdentifier: event.Records[2]?.messageId }])

  // the whole batch comes back (say the first response was lost): only the failed record runs again
  runs.length = 0
  const second = await processBatch(redeliver(event), handle, { context: createContext(), wrapRecord })
  expect(second.batchItemFailures).toEqual([])
  expect(runs).toEqual([[event.Records[2]?.messageId, 2]])
})

test('a record held IN_PROGRESS by another invocation is reported, not run twice', async () => {
  const store = memoryStore()
  const wrapRecord = idempotentRecord<SQSRecord>({ key: (record) => record.messageId, store })
  const event = events.sqs({ records: 2 })
  // another container is still working on record 0
  const elsewhere = wrapRecord(event.Records[0] as SQSRecord, () => hang(), createContext())
  void elsewhere
  let ran = 0
  const response = await processBatch(event, () => void ran++, {
    context: createContext(),
    wrapRecord,
    onAllFailed: 'report',
  })
  expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }])
  expect(ran).toBe(1)
})
