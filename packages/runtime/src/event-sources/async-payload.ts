import { SluiceRuntimeError } from '../errors.ts'

/** Lambda's cap on an asynchronous invocation's payload (`InvocationType: Event`): 1 MB since 2025 (was 256 KB). */
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1024 * 1024

/**
 * The event as Lambda's queue keeps it: checked to be JSON of at most {@link ASYNC_PAYLOAD_LIMIT_BYTES}, and
 * copied, so changing the object after `send` changes nothing. Not JSON → `INVALID_ARGUMENT`; too large →
 * `EVENT_SOURCE_PAYLOAD_TOO_LARGE`.
 *
 * @example
 * queuedPayload({ orderId: 'o-1' }, 'orders') // { orderId: 'o-1' } (a copy)
 */
export function queuedPayload(event: unknown, source: string): unknown {
  let json: string | undefined
  try {
    json = JSON.stringify(event)
  } catch (error) {
    throw notJson(source, error)
  }
  if (json === undefined) throw notJson(source)
  const bytes = Buffer.byteLength(json)
  if (bytes > ASYNC_PAYLOAD_LIMIT_BYTES)
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
      `${source}: the event is ${bytes} bytes of JSON; an asynchronous invocation takes at most ` +
        `${ASYNC_PAYLOAD_LIMIT_BYTES} bytes (1 MB): put the data in S3 and send its key`,
    )
  return JSON.parse(json)
}

function notJson(source: string, cause?: unknown): SluiceRuntimeError {
  return new SluiceRuntimeError(
    'INVALID_ARGUMENT',
    `${source}: the event must be a JSON value (an object, array, string, number, boolean or null)`,
    { cause },
  )
}
