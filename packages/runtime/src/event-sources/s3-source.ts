import { events } from '@sluice/testing'
import { SluiceRuntimeError } from '../errors.ts'
import type { AsyncInvokerOptions } from './async-invoker.ts'
import { type AsyncSource, asyncSource, badInput, field } from './async-source.ts'

/**
 * Options of {@link s3Source}: the bucket, where it lives, and Lambda's asynchronous invocation settings.
 *
 * @example
 * const options: S3SourceOptions = { function: runtime, bucket: 'uploads', maximumRetryAttempts: 0 }
 */
export interface S3SourceOptions extends AsyncInvokerOptions {
  /** S3's rules: 3–63 characters, lowercase letters, digits, dots and hyphens. */
  readonly bucket: string
  /** Default `us-east-1` (or `AWS_REGION`). */
  readonly region?: string
  readonly accountId?: string
}

/**
 * One S3 event notification: the object key as stored (not encoded), its size, and the event.
 *
 * @example
 * const input: S3SourceInput = { key: 'in/report 1.csv', size: 2048, eventName: 'ObjectRemoved:Delete' }
 */
export interface S3SourceInput {
  readonly key: string
  /** Bytes; default 1024. */
  readonly size?: number
  /** Default `ObjectCreated:Put`. */
  readonly eventName?: string
}

/**
 * A bucket whose event notifications invoke the function asynchronously, as S3 does: each `send` becomes an
 * `S3Event` with one record (the key URL-encoded as S3 encodes it, spaces as `+`).
 *
 * @example
 * await using uploads = s3Source({ function: runtime, bucket: 'uploads', timeScale: 600 })
 * await uploads.send({ key: 'in/report 1.csv' }) // Records[0].s3.object.key === 'in/report+1.csv'
 */
export function s3Source(options: S3SourceOptions): AsyncSource<S3SourceInput> {
  const { bucket } = options
  if (typeof bucket !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_INVALID_OPTION',
      `s3: bucket must be a bucket name (3–63 of a-z 0-9 . -, starting and ending with a letter or digit), got ${JSON.stringify(bucket)}`,
    )
  return asyncSource('s3', options, (input, where) => {
    const key = field(input, 'key', 'string', 's3') ?? ''
    if (Buffer.byteLength(key) > 1024)
      throw badInput('s3', 'key must be at most 1024 bytes of UTF-8, as in S3')
    const size = field(input, 'size', 'number', 's3', false)
    if (size !== undefined && (!Number.isInteger(size) || size < 0))
      throw badInput('s3', `size must be a whole number of bytes, 0 or more (got ${size})`)
    const eventName = field(input, 'eventName', 'string', 's3', false) ?? 'ObjectCreated:Put'
    if (!/^[A-Za-z]+:[A-Za-z*]+$/.test(eventName))
      throw badInput('s3', `eventName must look like ObjectCreated:Put (got ${JSON.stringify(eventName)})`)
    return events.s3({ ...where, bucket, key, eventName, ...(size === undefined ? {} : { size }) })
  })
}
