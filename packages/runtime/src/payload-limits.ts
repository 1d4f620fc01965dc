/**
 * Lambda's payload limit for a synchronous invocation, the event in and the buffered response out alike: 6 MB
 * (MiB, as Lambda counts them). Event sources cut batches by it, the HTTP front door refuses larger requests, and
 * the Runtime API fails a larger response with `Function.ResponseSizeTooLarge`.
 *
 * @example
 * Buffer.byteLength(JSON.stringify(event)) <= SYNC_PAYLOAD_LIMIT_BYTES
 */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024
