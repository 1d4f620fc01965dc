/**
 * Marks a function result the front door cannot turn into a response (API Gateway's "Malformed Lambda proxy
 * response").
 *
 * @example
 * if (reply === MALFORMED) return gatewayReply('rest-api', 'malformed-response')
 */
export const MALFORMED = Symbol('malformed')
/** The type of {@link MALFORMED}. */
export type Malformed = typeof MALFORMED

/**
 * Whether `value` is a plain JSON object (not an array, not null).
 *
 * @example
 * isRecord({ statusCode: 200 }) // true
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A result's `statusCode`: a whole number from 100 to 599, else malformed.
 *
 * @example
 * statusOf(201) // 201
 */
export function statusOf(value: unknown): number | Malformed {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599
    ? value
    : MALFORMED
}

const scalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/**
 * Header lines from a result's `headers` (values string, number or boolean) or, with `multi`, its
 * `multiValueHeaders` (arrays of those); absent gives none, any other shape is malformed.
 *
 * @example
 * headerLines({ 'x-a': 1 }, false) // [['x-a', '1']]
 */
export function headerLines(value: unknown, multi: boolean): [string, string][] | Malformed {
  if (value === undefined || value === null) return []
  if (!isRecord(value)) return MALFORMED
  const lines: [string, string][] = []
  for (const [name, entry] of Object.entries(value)) {
    const values = multi && Array.isArray(entry) ? entry : multi ? undefined : [entry]
    if (values === undefined || !values.every(scalar)) return MALFORMED
    for (const item of values) lines.push([name, String(item)])
  }
  return lines
}

/**
 * The body bytes of a result: its `body` string, decoded from base64 when `decodeBase64`; absent or null is
 * empty, any other type malformed.
 *
 * @example
 * bodyBytes('aGk=', true) // <Buffer 68 69>
 */
export function bodyBytes(body: unknown, decodeBase64: boolean): Buffer | Malformed {
  if (body === undefined || body === null) return Buffer.alloc(0)
  if (typeof body !== 'string') return MALFORMED
  return Buffer.from(body, decodeBase64 ? 'base64' : 'utf8')
}
