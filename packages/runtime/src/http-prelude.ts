/**
 * What `awslambda.HttpResponseStream.from(stream, prelude)` puts before the body of a Function URL response.
 *
 * @example
 * const prelude: HttpPrelude = { statusCode: 201, headers: { 'content-type': 'text/html' }, cookies: ['a=1'] }
 */
export interface HttpPrelude {
  readonly statusCode?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly cookies?: readonly string[]
}

/**
 * Content type the RIC sets on a response that starts with an HTTP prelude.
 *
 * @example
 * const splitter = contentType === HTTP_PRELUDE_CONTENT_TYPE ? createPreludeSplitter() : undefined
 */
export const HTTP_PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response'

// The RIC ends the JSON prelude with 8 NUL bytes; JSON text never holds a raw NUL, so the first run of 8 is it.
const DELIMITER = Buffer.alloc(8)

/** Splits a streamed response into its prelude and its body, as the bytes arrive. */
export interface PreludeSplitter {
  /** Feeds the next bytes; returns those that belong to the body (none until the delimiter has passed). */
  push(bytes: Uint8Array): Buffer
  /** Ends the stream: bytes held while waiting for a delimiter that never came are body after all. */
  end(): Buffer
  /** The parsed prelude, once the delimiter has passed. */
  readonly prelude: HttpPrelude | undefined
}

/**
 * Reads `{prelude JSON}` + 8 NUL bytes + body across chunk boundaries (the RIC writes the prelude and the
 * delimiter as separate writes, which may arrive split or together with body bytes).
 *
 * @example
 * const splitter = createPreludeSplitter()
 * splitter.push(Buffer.from('{"statusCode":201}\0\0\0\0\0\0\0\0hello')) // <Buffer 68 65 6c 6c 6f>
 * splitter.prelude // { statusCode: 201 }
 */
export function createPreludeSplitter(): PreludeSplitter {
  let held = Buffer.alloc(0)
  let prelude: HttpPrelude | undefined
  let passed = false
  return {
    push(bytes) {
      if (passed) return Buffer.from(bytes)
      held = Buffer.concat([held, bytes])
      const at = held.indexOf(DELIMITER)
      if (at === -1) return Buffer.alloc(0)
      prelude = parsePrelude(held.subarray(0, at).toString('utf8'))
      passed = true
      const body = held.subarray(at + DELIMITER.length)
      held = Buffer.alloc(0)
      return body
    },
    end() {
      const rest = held
      held = Buffer.alloc(0)
      return rest
    },
    get prelude() {
      return prelude
    },
  }
}

/**
 * Keeps the prelude fields Lambda reads, with the types it expects; anything else is dropped.
 *
 * @example
 * parsePrelude('{"statusCode":404,"headers":{"x":"1"},"cookies":["a=1"]}') // { statusCode: 404, headers: … }
 */
export function parsePrelude(text: string): HttpPrelude {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return {}
  }
  if (typeof parsed !== 'object' || parsed === null) return {}
  const statusCode: unknown = Reflect.get(parsed, 'statusCode')
  const headers: unknown = Reflect.get(parsed, 'headers')
  const cookies: unknown = Reflect.get(parsed, 'cookies')
  return {
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof headers === 'object' && headers !== null ? { headers: stringValues(headers) } : {}),
    ...(Array.isArray(cookies) ? { cookies: cookies.map(String) } : {}),
  }
}

function stringValues(record: object): Record<string, string> {
  // A null-prototype record: a `__proto__` header name stays a plain key.
  const out: Record<string, string> = Object.create(null)
  for (const [name, value] of Object.entries(record)) out[name] = String(value)
  return out
}
