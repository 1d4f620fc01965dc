import { randomBytes } from 'node:crypto'
import type { S3Event, S3EventRecord } from 'aws-lambda'
import { type EventSourceOptions, eventSource, recordCount, times } from './common.ts'

/**
 * Which objects the S3 notification is about.
 *
 * @example
 * const options: S3EventOptions = { records: 2, bucket: 'uploads', key: (i) => `in/${i}.csv` }
 */
export type S3EventOptions = EventSourceOptions & {
  /** Number of records (default 1). */
  records?: number
  /** Default `sluice-bucket`. */
  bucket?: string
  /** Object key, or a function of the record index; default `object-<index>.json`. Unencoded. */
  key?: string | ((index: number) => string)
  /** Default `ObjectCreated:Put`. */
  eventName?: string
  /** Object size in bytes (default 1024). */
  size?: number
}

/**
 * An S3 event notification. Keys are URL-encoded in the event the way S3 does it (spaces as `+`), so
 * handlers must decode them.
 *
 * @example
 * const event = s3Event({ bucket: 'uploads', key: 'my file.csv' })
 * event.Records[0]?.s3.object.key // 'my+file.csv'
 */
export function s3Event(options: S3EventOptions = {}): S3Event {
  const { region, now } = eventSource(options)
  const bucket = options.bucket ?? 'sluice-bucket'

  function s3Record(index: number): S3EventRecord {
    const key =
      typeof options.key === 'function' ? options.key(index) : (options.key ?? `object-${index}.json`)
    return {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: region,
      eventTime: new Date(now).toISOString(),
      eventName: options.eventName ?? 'ObjectCreated:Put',
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
          size: options.size ?? 1024,
          eTag: randomBytes(16).toString('hex'),
          sequencer: randomBytes(9).toString('hex').toUpperCase(),
        },
      },
    }
  }

  return { Records: times(recordCount(options.records), s3Record) }
}
