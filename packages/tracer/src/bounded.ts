import { errorMessage } from '@sluice/core'

/** Default cap on response metadata, in bytes of JSON (an X-Ray segment document may be at most 64 KB). */
export const DEFAULT_MAX_METADATA_BYTES = 16_384

/** What replaces a value too large (or impossible) to record as metadata. */
export interface TruncatedMetadata {
  readonly truncated: true
  /** JSON size of the value, in bytes; absent when it could not be serialised. */
  readonly bytes?: number
  /** The start of its JSON, within the cap. */
  readonly preview: string
}

/** `instanceof Error` that a revoked Proxy cannot make throw. */
const isError = (value: unknown): value is Error => {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

const json = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

const cut = (text: string, maxBytes: number): string => {
  let end = Math.min(text.length, maxBytes)
  while (end > 0 && Buffer.byteLength(text.slice(0, end)) > maxBytes) end = Math.floor(end * 0.9)
  return text.slice(0, end)
}

/**
 * `value` when its JSON fits in `maxBytes`, else a small `{ truncated, bytes, preview }` record, so one large
 * response cannot make X-Ray drop the whole segment.
 *
 * @example
 * boundedMetadata({ items: new Array(10_000).fill('x') }, 1024) // { truncated: true, bytes: 40012, preview: '{"items":["x",…' }
 */
export const boundedMetadata = (value: unknown, maxBytes: number): unknown => {
  const text = json(value)
  if (text === undefined) return { truncated: true, preview: cut(errorMessage(value), maxBytes / 2) }
  const bytes = Buffer.byteLength(text)
  if (bytes <= maxBytes) return value
  const preview = cut(text, Math.max(0, maxBytes - 64))
  return { truncated: true, bytes, preview } satisfies TruncatedMetadata
}

/**
 * The error to record on a segment: the same error when its message fits in `maxBytes` on one line, else a
 * copy with the message cut and a stack whose first line holds the whole message (name and frames kept).
 *
 * @example
 * boundedError(new Error('x'.repeat(100_000)), 1024).message.length // ≤ 1024
 */
export const boundedError = (error: unknown, maxBytes: number): Error => {
  const source = isError(error) ? error : new Error(errorMessage(error))
  const fits = Buffer.byteLength(source.message) <= maxBytes
  if (fits && !source.message.includes('\n')) return source
  const copy = new Error(fits ? source.message : `${cut(source.message, maxBytes - 16)}… (truncated)`)
  copy.name = source.name
  // The X-Ray SDK reads every stack line after the first as a frame, so the message must fit on that line.
  const frames = (source.stack ?? '').split('\n').filter((line) => line.startsWith('    at '))
  copy.stack = [`${copy.name}: ${copy.message.replaceAll('\n', ' ')}`, ...frames].join('\n')
  return copy
}
