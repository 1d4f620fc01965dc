import type { RawRequest } from './http-request.ts'
import { decode } from './route-template.ts'

type Pairs = readonly (readonly [string, string])[]

/** A record without a prototype: a `__proto__` header or query key stays a plain key. */
function record<T>(): Record<string, T> {
  return Object.create(null)
}

/**
 * Groups name/value pairs by name (lower-cased when `lower`), keeping every value in order.
 *
 * @example
 * multiValues([['X-A', '1'], ['x-a', '2']], true) // { 'x-a': ['1', '2'] }
 */
export function multiValues(pairs: Pairs, lower: boolean): Record<string, string[]> {
  const out = record<string[]>()
  for (const [name, value] of pairs) {
    const key = lower ? name.toLowerCase() : name
    const list = out[key]
    if (list === undefined) out[key] = [value]
    else list.push(value)
  }
  return out
}

/**
 * One value per name: repeats joined with `,` (HTTP API payload 2.0) or the last one kept (REST API, ALB).
 *
 * @example
 * singleValues([['a', '1'], ['a', '2']], true, 'join') // { a: '1,2' }
 * singleValues([['a', '1'], ['a', '2']], true, 'last') // { a: '2' }
 */
export function singleValues(pairs: Pairs, lower: boolean, repeats: 'join' | 'last'): Record<string, string> {
  const out = record<string>()
  for (const [name, values] of Object.entries(multiValues(pairs, lower))) {
    out[name] = repeats === 'join' ? values.join(',') : (values.at(-1) ?? '')
  }
  return out
}

/**
 * The query string's pairs, percent-decoded (`+` is a space) for API Gateway, or as sent for ALB.
 *
 * @example
 * queryPairs('a=1&b=x%20y&flag', true) // [['a', '1'], ['b', 'x y'], ['flag', '']]
 */
export function queryPairs(rawQueryString: string, decoded: boolean): [string, string][] {
  if (rawQueryString === '') return []
  const read = (text: string) => (decoded ? decode(text.replaceAll('+', ' ')) : text)
  return rawQueryString
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=')
      return at === -1 ? [read(part), ''] : [read(part.slice(0, at)), read(part.slice(at + 1))]
    })
}

/**
 * The cookies of every `Cookie` header, one entry each, as HTTP API payload 2.0 lists them.
 *
 * @example
 * cookiesOf([['Cookie', 'a=1; b=2']]) // ['a=1', 'b=2']
 */
export function cookiesOf(pairs: Pairs): string[] {
  return pairs
    .filter(([name]) => name.toLowerCase() === 'cookie')
    .flatMap(([, value]) => value.split(';'))
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie !== '')
}

/**
 * The first value of header `name` (given lower-case; matched in any case).
 *
 * @example
 * headerOf([['Content-Type', 'text/plain']], 'content-type') // 'text/plain'
 */
export function headerOf(pairs: Pairs, name: string): string | undefined {
  return pairs.find(([key]) => key.toLowerCase() === name)?.[1]
}

const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/javascript'])

/**
 * The media type of a `Content-Type` or `Accept` value (its first entry), lower-cased, without parameters.
 *
 * @example
 * mediaType('Application/JSON; charset=utf-8') // 'application/json'
 */
export function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]?.split(',')[0]?.trim().toLowerCase() ?? ''
}

/**
 * Whether HTTP APIs, Function URLs and ALB pass a body of this content type as text. Checked against AWS: only
 * `text/*`, `application/json`, `application/xml` and `application/javascript` are; anything else (form posts and a
 * missing content type included) arrives base64-encoded with `isBase64Encoded: true`.
 *
 * @example
 * isTextBody('application/json; charset=utf-8') // true
 * isTextBody('application/x-www-form-urlencoded') // false
 */
export function isTextBody(contentType: string | undefined): boolean {
  const type = mediaType(contentType)
  return type.startsWith('text/') || TEXT_TYPES.has(type)
}

/**
 * Whether `type` is in a REST API's `binaryMediaTypes` (exact, `image/*` or `*∕*`).
 *
 * @example
 * matchesMediaType('image/png', ['image/*']) // true
 */
export function matchesMediaType(type: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const wanted = pattern.toLowerCase()
    return (
      wanted === '*/*' || wanted === type || (wanted.endsWith('/*') && type.startsWith(wanted.slice(0, -1)))
    )
  })
}

/**
 * The body as an event carries it: text, or base64 with `isBase64Encoded`; no body gives `undefined`.
 *
 * @example
 * eventBody(request, isTextBody(headerOf(request.headers, 'content-type'))) // { body: '{"a":1}', isBase64Encoded: false }
 */
export function eventBody(request: RawRequest, asText: boolean): { body?: string; isBase64Encoded: boolean } {
  if (request.body.length === 0) return { isBase64Encoded: false }
  return asText
    ? { body: request.body.toString('utf8'), isBase64Encoded: false }
    : { body: request.body.toString('base64'), isBase64Encoded: true }
}
