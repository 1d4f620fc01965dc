/**
 * The identifier a test expects in `batchItemFailures` for a record: SQS `messageId`, Kinesis
 * `kinesis.sequenceNumber`, DynamoDB `dynamodb.SequenceNumber`. Written apart from `source.ts` so the property
 * tests check `processBatch`'s reporting against an independent reading.
 *
 * @example
 * recordId(events.sqs({ records: 1 }).Records[0]) // the message id
 */
export const recordId = (record: unknown): string => {
  const r = record as {
    messageId?: string
    kinesis?: { sequenceNumber: string }
    dynamodb?: { SequenceNumber: string }
  }
  return (r.messageId ?? r.kinesis?.sequenceNumber ?? r.dynamodb?.SequenceNumber) as string
}
