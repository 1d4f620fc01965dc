/**
 * Thrown by the decoders below; envelopes turn it into a ParseError with the payload's path.
 *
 * @example
 * try { decodeBase64('***') } catch (error) { (error as DecodeError).kind } // 'base64'
 */
export class DecodeError extends Error {
  override name = 'DecodeError'
  readonly kind: 'base64' | 'gzip' | 'too-large'

  constructor(kind: DecodeError['kind'], message: string, options?: ErrorOptions) {
    super(message, options)
    this.kind = kind
  }
}

// Standard alphabet, padded, as every AWS service writes it; Buffer.from alone would skip bad characters.
const ALPHABET = new Uint8Array(128)
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  ALPHABET[char.charCodeAt(0)] = 1
const PAD = 61 // '='

/**
 * True when `text` is padded standard base64: a length that is a multiple of 4, alphabet characters only, and at
 * most two `=` at the very end. One pass, constant stack: a regex over the same grammar backtracks into a
 * `RangeError` past about 4.4 million characters, well under what a 6 MB Lambda payload can carry.
 *
 * @example
 * isStrictBase64('aGk=') // true
 * isStrictBase64('aGk') // false
 */
export function isStrictBase64(text: string): boolean {
  const length = text.length
  if (length % 4 !== 0) return false
  const padding =
    length === 0 ? 0 : text.charCodeAt(length - 1) !== PAD ? 0 : text.charCodeAt(length - 2) === PAD ? 2 : 1
  const end = length - padding
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code >= 128 || ALPHABET[code] !== 1) return false
  }
  return true
}

/**
 * Lambda's largest event, in bytes: a synchronous invocation's 6 MB request payload. A base64 string longer than
 * that cannot have come from Lambda, so it is refused before any work is done on it.
 *
 * @example
 * MAX_EVENT_BYTES // 6291456
 */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024

/**
 * Strict base64 (standard alphabet, padded) to bytes; longer than {@link MAX_EVENT_BYTES}: `too-large`.
 *
 * @example
 * decodeBase64('aGk=').toString() // 'hi'
 * decodeBase64('aGk') // throws DecodeError (kind 'base64')
 */
export function decodeBase64(text: string): Buffer {
  if (text.length > MAX_EVENT_BYTES) {
    throw new DecodeError(
      'too-large',
      `base64 text of ${text.length} characters: longer than any Lambda event`,
    )
  }
  if (!isStrictBase64(text)) throw new DecodeError('base64', 'not padded standard base64')
  return Buffer.from(text, 'base64')
}

/**
 * Default cap on decompressed CloudWatch Logs payloads: 5 MiB, several times what one subscription batch holds.
 *
 * @example
 * envelopes.cloudwatchLogs(schema, { maxBytes: 2 * DEFAULT_MAX_INFLATED_BYTES })
 */
export const DEFAULT_MAX_INFLATED_BYTES = 5 * 1024 * 1024

// node:zlib is loaded on the first gunzip, not at import: every envelope's module reaches this file, and only
// CloudWatch Logs subscriptions decompress (loading zlib cost about 2 ms of every cold start).
let zlib: typeof import('node:zlib') | undefined

/**
 * Gunzips with a hard cap on the output: zlib stops inflating once `maxBytes` is passed, so a gzip bomb costs at
 * most `maxBytes` of memory.
 *
 * @example
 * gunzipCapped(gzipSync('hi'), 1024).toString() // 'hi'
 * gunzipCapped(bomb, 1024) // throws DecodeError (kind 'too-large')
 */
export function gunzipCapped(bytes: Buffer, maxBytes: number = DEFAULT_MAX_INFLATED_BYTES): Buffer {
  try {
    zlib ??= process.getBuiltinModule('node:zlib')
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes })
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new DecodeError('too-large', `inflates past ${maxBytes} bytes`, { cause: error })
    }
    throw new DecodeError('gzip', 'not gzip data', { cause: error })
  }
}

// The zod-free decoders, in one place for `@sluice/events/decode`: packages that decode payloads themselves (such
// as @sluice/batch) import them without paying for the schemas at cold start.
// Type-only imports: envelope.ts loads no schema, so telling an envelope apart stays zod-free too.
export { isEnvelope } from './envelope.ts'
export { parseJson } from './json.ts'
export { isUnsafeKey, setSafe, stripUnsafeKeys } from './safe-keys.ts'
export { exactNumber, unmarshall, unmarshallValue } from './unmarshall.ts'
