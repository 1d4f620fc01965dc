/**
 * What redacted values are replaced with, whole: a secret is never shortened, masked or partly shown.
 *
 * @example
 * log.info({ password: 'p' }) // "password":"[Redacted]"
 */
export const REDACTED = '[Redacted]'

/**
 * Secret words redacted by default. A key matches when, lower-cased and with `-`, `_`, `.` and spaces taken
 * out, it **ends with** one of these: `x-api-key`, `API_KEY` and `apiKey` all end with `apikey`;
 * `clientSecret`, `refresh-token`, `x-amz-security-token`, `Set-Cookie`, `db_password` likewise.
 * Covers the credentials Lambda's own events carry: API Gateway (REST, HTTP, WebSocket) and ALB `headers` and
 * `multiValueHeaders`, Function URL and HTTP API `cookies` arrays, authorizer `authorizationToken` and
 * `identitySource`, API keys in `requestContext.identity`, Cognito challenge answers, IoT custom-auth passwords.
 *
 * @example
 * DEFAULT_REDACT_KEYS.includes('token') // true: accessToken, refresh_token, x-amz-security-token…
 */
export const DEFAULT_REDACT_KEYS: readonly string[] = [
  'authorization', // authorization, proxy-authorization
  'cookie', // cookie, set-cookie
  'cookies', // HTTP API v2 / Function URL cookies array
  'password', // password, db_password, newPassword
  'passwd',
  'passphrase',
  'secret', // secret, client_secret, clientSecret
  'secrets',
  'token', // token, accessToken, refresh-token, id_token, sessionToken, x-amz-security-token, authorizationToken
  'apikey', // apiKey, api_key, x-api-key
  'privatekey', // privateKey, private_key
  'secretkey',
  'secretaccesskey', // SecretAccessKey, AWS_SECRET_ACCESS_KEY
  'credentials',
  'connectionstring', // database URLs carry passwords
  'identitysource', // API Gateway authorizer events: the raw Authorization header values
  'challengeanswer', // Cognito custom auth: the one-time code the user typed
  'privatechallengeparameters',
]

/**
 * Lower-cases a key and removes `-`, `_`, `.` and whitespace, so spellings of one name compare equal.
 *
 * @example
 * normalizeKey('X-Api_Key') // 'xapikey'
 */
export const normalizeKey = (key: string): string => key.toLowerCase().replace(/[-_.\s]/g, '')

// Keys seen per matcher are few (a service logs the same field names again and again); longer keys and keys
// past the cache size are checked each time, so hostile input cannot grow memory.
const CACHE_SIZE = 4096
const CACHED_KEY_LENGTH = 64

/**
 * A function telling whether a key names a secret: the default words (as suffixes, see
 * {@link DEFAULT_REDACT_KEYS}) and `extra` names (exact, after the same normalisation). Answers are cached,
 * so the common case costs one `Map` lookup per key.
 *
 * @example
 * const isSecret = secretKeyMatcher(['ssn'])
 * isSecret('X-Api-Key') // true
 * isSecret('SSN') // true
 * isSecret('orderId') // false
 */
export const secretKeyMatcher = (
  extra: readonly string[] = [],
  defaults: readonly string[] = DEFAULT_REDACT_KEYS,
): ((key: string) => boolean) => {
  const exact = new Set(extra.map(normalizeKey))
  const suffixes = defaults.map(normalizeKey)
  const cache = new Map<string, boolean>()
  const check = (key: string): boolean => {
    const name = normalizeKey(key)
    return exact.has(name) || suffixes.some((suffix) => name.endsWith(suffix))
  }
  return function isSecretKey(key) {
    const known = cache.get(key)
    if (known !== undefined) return known
    const secret = check(key)
    if (cache.size < CACHE_SIZE && key.length <= CACHED_KEY_LENGTH) cache.set(key, secret)
    return secret
  }
}
