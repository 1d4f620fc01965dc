import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch'
import { processBatch } from '@sluice/batch'
import { events } from '@sluice/testing'
import type { SQSRecord } from 'aws-lambda'
import { benchContext } from '../context.ts'
import type { BenchGroup } from '../types.ts'

// One Lambda context with plenty of time: sluice checks the deadline before every record and arms its deadline
// timer, as in production; Powertools gets the same context (it passes it to the record handler).
const context = benchContext({ timeoutMs: 900_000 })
const processor = new BatchProcessor(EventType.SQS)
// Thrown as is: building an Error (its stack trace) per failure would weigh the same on both sides and hide
// the batch machinery being measured.
const failure = new Error('every 10th record fails')

const groupFor = (records: number): BenchGroup => {
  const event = events.sqs({ records })
  const failing = new Set(event.Records.filter((_, i) => i % 10 === 9).map((r) => r.messageId))
  // the same trivial async record handler for both
  const recordHandler = async (record: SQSRecord) => {
    if (failing.has(record.messageId)) throw failure
  }
  return {
    name: `batch: ${records.toLocaleString('en-US').replace(',', ' ')} SQS records, 10 % failing`,
    targets: [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }],
    note: 'powertools = processPartialResponse(event, handler, new BatchProcessor(EventType.SQS), { context }); sluice = processBatch(event, handler, { context }) (concurrency 10, deadline checked per record)',
    subjects: [
      {
        subject: 'powertools',
        fn: () => processPartialResponse(event, recordHandler, processor, { context }),
      },
      { subject: 'sluice', fn: () => processBatch(event, recordHandler, { context }) },
    ],
  }
}

/** Partial batch responses over the same events and record handler, sluice next to Powertools. */
export const groups: BenchGroup[] = [groupFor(10), groupFor(1_000), groupFor(10_000)]
