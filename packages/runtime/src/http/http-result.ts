import type { HttpReply } from './gateway-replies.ts'
import { matchesMediaType } from './http-fields.ts'
import { bodyBytes, headerLines, isRecord, MALFORMED, type Malformed, statusOf } from './result-fields.ts'

/**
 * An HTTP API (payload 2.0) or Function URL result as the client gets it. An object with a `statusCode` is a
 * response (`headers`, `cookies` as `set-cookie` lines, `body`, `isBase64Encoded`); anything else is the body of a
 * 200 `application/json` response — a string as is, other values as JSON.
 *
 * @example
 * payloadV2Reply({ hello: 'world' }) // { statusCode: 200, headers: [['content-type', 'application/json']], body: … }
 */
export function payloadV2Reply(result: unknown): HttpReply | Malformed {
  if (!isRecord(result) || !('statusCode' in result)) {
    const text = typeof result === 'string' ? result : JSON.stringify(result ?? null)
    return { statusCode: 200, headers: [['content-type', 'application/json']], body: Buffer.from(text) }
  }
  const statusCode = statusOf(result.statusCode)
  const headers = headerLines(result.headers, false)
  const body = bodyBytes(result.body, result.isBase64Encoded === true)
  const cookies = result.cookies ?? []
  if (statusCode === MALFORMED || headers === MALFORMED || body === MALFORMED) return MALFORMED
  if (!Array.isArray(cookies) || !cookies.every((cookie) => typeof cookie === 'string')) return MALFORMED
  return {
    statusCode,
    headers: [...headers, ...cookies.map((c): [string, string] => ['set-cookie', c])],
    body,
  }
}

/**
 * A REST API (payload 1.0) result as the client gets it: `statusCode` required; `headers` and
 * `multiValueHeaders` merged (for a name in both, the multi-value list wins); a base64 body is decoded only when the
 * client's first `Accept` type is one of the API's `binaryMediaTypes`, as API Gateway does.
 *
 * @example
 * restReply({ statusCode: 200, multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] } }, '*∕*', [])
 */
export function restReply(
  result: unknown,
  accept: string,
  binaryMediaTypes: readonly string[],
): HttpReply | Malformed {
  if (!isRecord(result)) return MALFORMED
  const statusCode = statusOf(result.statusCode)
  const single = headerLines(result.headers, false)
  const multi = headerLines(result.multiValueHeaders, true)
  const decode =
    result.isBase64Encoded === true && accept !== '' && matchesMediaType(accept, binaryMediaTypes)
  const body = bodyBytes(result.body, decode)
  if (statusCode === MALFORMED || single === MALFORMED || multi === MALFORMED || body === MALFORMED)
    return MALFORMED
  const inMulti = new Set(multi.map(([name]) => name.toLowerCase()))
  return {
    statusCode,
    headers: [...multi, ...single.filter(([name]) => !inMulti.has(name.toLowerCase()))],
    body,
  }
}

/**
 * An ALB result as the client gets it: `statusCode` and `statusDescription` (`"404 Not Found"`: its text is the
 * reason phrase), and `multiValueHeaders` when the target group has multi-value headers on, else `headers`.
 *
 * @example
 * albReply({ statusCode: 404, statusDescription: '404 Not Found', body: 'nope' }, false).statusMessage // 'Not Found'
 */
export function albReply(result: unknown, multiValueHeaders: boolean): HttpReply | Malformed {
  if (!isRecord(result)) return MALFORMED
  const statusCode = statusOf(result.statusCode)
  const headers = multiValueHeaders
    ? headerLines(result.multiValueHeaders, true)
    : headerLines(result.headers, false)
  const body = bodyBytes(result.body, result.isBase64Encoded === true)
  if (statusCode === MALFORMED || headers === MALFORMED || body === MALFORMED) return MALFORMED
  const description = typeof result.statusDescription === 'string' ? result.statusDescription : ''
  const reason = description.replace(/^\d{3}\s*/, '')
  return { statusCode, ...(reason === '' ? {} : { statusMessage: reason }), headers, body }
}
