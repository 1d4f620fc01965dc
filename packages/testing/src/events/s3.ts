import { randomBytes, randomUUID } from 'node:crypto'
import type { S3BatchEvent, S3Event, S3EventRecord } from 'aws-lambda'
import { type EventSourceOptions, eventSource, type PerRecord, perRecord, times } from './common.ts'
import { type DeepPartial, deepMerge, eventPatch, type Overrides, recordPartials } from './deep-merge.ts'

/**
 * Options of `events.s3`.
 *
 * @example
 * const options: S3Partial = { records: 2, bucket: 'uploads', key: (i) => `in/${i}.csv` }
 */
export type S3Partial = EventSourceOptions & {
  /** A count of default records (default 1), or one partial per record laid over the default record. */
  records?: number | ReadonlyArray<DeepPartial<S3EventRecord>>
  /** Default `sluice-bucket`. */
  bucket?: string
  /** Object key, or a function of the record index; default `object-<index>.json`. Unencoded. */
  key?: PerRecord<string>
  /** Default `ObjectCreated:Put`. */
  eventName?: string
  /** Object size in bytes (default 1024). */
  size?: number
}

/**
 * `events.s3`: an S3 event notification. Keys are URL-encoded in the event the way S3 does it (spaces as `+`), so
 * handlers must decode them; a key given in a record partial is taken as it is.
 *
 * @example
 * events.s3({ bucket: 'uploads', key: 'my file.csv' }).Records[0]?.s3.object.key // 'my+file.csv'
 * events.s3({ records: [{ s3: { object: { key: 'in/a.csv' } } }] })
 */
export function s3FromPartial(partial: S3Partial = {}): S3Event {
  const { region, now } = eventSource(partial)
  const bucket = partial.bucket ?? 'sluice-bucket'

  function s3Record(part: DeepPartial<S3EventRecord> | undefined, index: number): S3EventRecord {
    const key = perRecord(partial.key, index, `object-${index}.json`)
    const record: S3EventRecord = {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: region,
      eventTime: new Date(now).toISOString(),
      eventName: partial.eventName ?? 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
      requestParameters: { sourceIPAddress: '203.0.113.10' },
      responseElements: {
        'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
        'x-amz-id-2': randomBytes(48).toString('base64'),
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'sluice-notification',
        bucket: {
          name: bucket,
          ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
          arn: `arn:aws:s3:::${bucket}`,
        },
        object: {
          key: encodeURIComponent(key).replaceAll('%20', '+').replaceAll('%2F', '/'),
          size: partial.size ?? 1024,
          eTag: randomBytes(16).toString('hex'),
          sequencer: randomBytes(9).toString('hex').toUpperCase(),
        },
      },
    }
    return deepMerge<S3EventRecord>(record, part)
  }

  return { Records: recordPartials(partial.records).map(s3Record) }
}

/**
 * `events['s3-batch']`: an S3 Batch Operations invocation, schema version 1.0, one task.
 *
 * @example
 * events['s3-batch']({ job: { id: 'job-1' } })
 */
export function s3BatchFromPartial(partial: Overrides<S3BatchEvent> = {}): S3BatchEvent {
  const base: S3BatchEvent = {
    invocationSchemaVersion: '1.0',
    invocationId: randomBytes(36).toString('base64url'),
    job: { id: randomUUID() },
    tasks: times(1, (i) => ({
      taskId: randomBytes(12).toString('base64url'),
      s3Key: `object-${i}.json`,
      s3VersionId: null,
      s3BucketArn: 'arn:aws:s3:::sluice-bucket',
    })),
  }
  return deepMerge<S3BatchEvent>(base, eventPatch(partial))
}
