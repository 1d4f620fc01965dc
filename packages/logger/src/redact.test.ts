import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { createLogger } from './create-logger.ts'
import { memoryDestination } from './memory-destination.ts'
import { normalizeKey, REDACTED, secretKeyMatcher } from './redact.ts'

const logged = (value: Record<string, unknown>, options: Parameters<typeof createLogger>[0] = {}) => {
  const out = memoryDestination()
  createLogger({ destination: out, pretty: false, ...options }).info(value, 'line')
  return out.records()[0] as Record<string, unknown>
}

/** A name's words (`['api', 'key']`) in any case, joined by any separator or none (camelCase, snake, kebab). */
const spelled = (words: readonly string[]) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: words.join('').length, maxLength: words.join('').length }),
      fc.constantFrom('', '-', '_', '.'),
    )
    .map(([upper, separator]) => {
      let at = 0
      return words
        .map((word) => [...word].map((c) => (upper[at++] ? c.toUpperCase() : c)).join(''))
        .join(separator)
    })

const SECRET_NAMES: ReadonlyArray<readonly string[]> = [
  ['api', 'key'],
  ['x', 'api', 'key'],
  ['client', 'secret'],
  ['access', 'token'],
  ['refresh', 'token'],
  ['id', 'token'],
  ['session', 'token'],
  ['x', 'amz', 'security', 'token'],
  ['password'],
  ['passwd'],
  ['db', 'password'],
  ['secret'],
  ['token'],
  ['authorization'],
  ['proxy', 'authorization'],
  ['cookie'],
  ['set', 'cookie'],
  ['cookies'],
  ['private', 'key'],
  ['secret', 'access', 'key'],
  ['authorization', 'token'],
]

describe('secretKeyMatcher', () => {
  test('matches every spelling of the default secret names: case, camelCase, snake_case, kebab-case', () => {
    const isSecret = secretKeyMatcher()
    fc.assert(
      fc.property(fc.constantFrom(...SECRET_NAMES).chain(spelled), (key) => {
        expect(isSecret(key)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  test('leaves ordinary keys alone, including ones that merely contain a secret word', () => {
    const isSecret = secretKeyMatcher()
    for (const key of [
      'orderId',
      'user-agent',
      'tokens',
      'maxTokens',
      'tokenType',
      'apiKeyId',
      'keyId',
      'path',
    ]) {
      expect([key, isSecret(key)]).toEqual([key, false])
    }
  })

  test('extra names match exactly, after the same normalisation', () => {
    const isSecret = secretKeyMatcher(['ssn', 'card_number'])
    expect(['SSN', 'cardNumber', 'Card-Number', 'ssnLast4'].map(isSecret)).toEqual([true, true, true, false])
    expect(normalizeKey('X-Amz_Security.Token')).toBe('xamzsecuritytoken')
  })

  test('answers the same for a key seen often and for keys past its cache', () => {
    const isSecret = secretKeyMatcher()
    for (let i = 0; i < 5000; i++) isSecret(`field${i}`)
    expect(isSecret('my_token')).toBe(true)
    expect(isSecret(`${'x'.repeat(100)}Password`)).toBe(true)
  })
})

describe('default redactions in log lines', () => {
  test('any spelling, at any depth, inside arrays, single- and multi-value headers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECRET_NAMES).chain(spelled),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ minLength: 1 }),
        (key, depth, secret) => {
          let value: unknown = { headers: { [key]: secret }, multiValueHeaders: { [key]: [secret] } }
          for (let i = 0; i < depth; i++) value = i % 3 === 0 ? [value] : { level: value }
          const line = JSON.stringify(logged({ value }))
          expect(line.match(/\[Redacted\]/g)).toHaveLength(2)
          expect(JSON.parse(line).value).not.toEqual(value)
        },
      ),
      { numRuns: 500 },
    )
  })

  test('leaves the logged object itself unchanged and keeps everything else', () => {
    const value = { headers: { Authorization: 'Bearer abc', accept: '*/*' }, count: 2 }
    const line = logged(value)
    expect(line).toMatchObject({ headers: { Authorization: REDACTED, accept: '*/*' }, count: 2 })
    expect(value.headers.Authorization).toBe('Bearer abc')
  })

  test('the secret is replaced whole, whatever its type: strings, arrays, objects, numbers', () => {
    const line = logged({ token: { value: 'abc' }, cookies: ['a=1', 'b=2'], password: 1234, secret: null })
    expect(line).toMatchObject({ token: REDACTED, cookies: REDACTED, password: REDACTED, secret: REDACTED })
  })
})

// Every file here is an AWS sample event; each list names the values in it (quoted, as JSON writes them)
// that must never be written.
const EVENT_SECRETS: Record<string, readonly string[]> = {
  'apigw-v2-request-jwt-authorizer.json': ['"cookie1"', '"cookie2"'],
  'apigw-v2-custom-authorizer-v2-request.json': ['"cookie1"', '"user1"'],
  'apigw-websocket-request.json': ['"theApiKey"', '"9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f"'],
  'appsync-lambda-auth-request.json': ['"ExampleAUTHtoken123123123"'],
  'iot-custom-auth-request.json': ['"aToken"', '"bXlQYXNzd29yZA=="'],
  'cognito-event-userpools-verify-auth-challenge.json': ['"11122233"', '"123xxxx"'],
  'lambda-urls-request.json': ['"cookie1"', '"cookie2"'],
  'function-url-request-with-headers-and-cookies-and-text-body.json': [
    '"foo=bar"',
    '"foo=bar; hello=hello"',
    '"security-token"',
  ],
}

describe("the credentials Lambda's own events carry", () => {
  test.each(Object.entries(EVENT_SECRETS))('%s: none of its secrets is written', (name, secrets) => {
    const event = fixture(name)
    const line = JSON.stringify(logged({ event }))
    for (const secret of secrets) expect(line).not.toContain(secret)
    expect(JSON.parse(line).event).not.toEqual({})
  })

  test('API Gateway REST authorizer request: the token header in headers and multiValueHeaders, the API key', () => {
    type Line = { event: Record<string, Record<string, unknown>> }
    const { event } = logged({ event: fixture('apigw-custom-auth-request-type-request.json') }) as Line
    expect(event.headers?.['Postman-Token']).toBe(REDACTED)
    expect(event.multiValueHeaders?.['Postman-Token']).toBe(REDACTED)
    expect(event.requestContext?.identity).toMatchObject({ apiKey: REDACTED, sourceIp: '...' })
    expect(event.headers?.HeaderAuth1).toBe('headerValue1')
  })

  test('a Function URL event keeps what is not secret (user agent, path), with the cookie header redacted', () => {
    const event = fixture('function-url-request-with-headers-and-cookies-and-text-body.json')
    const line = logged({ event }) as { event: { headers: Record<string, unknown>; cookies: unknown } }
    expect(line.event.cookies).toBe(REDACTED)
    expect(line.event.headers.cookie).toBe(REDACTED)
    expect(line.event.headers['x-amz-security-token']).toBe(REDACTED)
    expect(line.event.headers['user-agent']).toBe('python-requests/2.28.2')
  })
})

describe('redact option', () => {
  test('keys add names and paths add exact pino paths', () => {
    const line = logged(
      { user: { SSN: '123', card: { number: '4111' } }, other: 1 },
      { redact: { keys: ['ssn'], paths: ['user.card.number'] } },
    )
    expect(line).toMatchObject({ user: { SSN: REDACTED, card: { number: REDACTED } }, other: 1 })
  })

  test('user keys match at any depth and in any spelling, and the defaults stay on', () => {
    const line = logged(
      { a: [{ b: { c: { d: { e: { f: { Card_Number: '4111', apiKey: 'k' } } } } } }] },
      { redact: { keys: ['cardNumber'] } },
    )
    expect(JSON.stringify(line)).not.toContain('4111')
    expect(JSON.stringify(line)).not.toContain('"k"')
  })

  test('false turns key redaction off', () => {
    expect(logged({ password: 'visible' }, { redact: false }).password).toBe('visible')
  })
})
