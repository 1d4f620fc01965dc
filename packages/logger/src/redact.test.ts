import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createLogger } from './create-logger.ts'
import { fixture } from './fixtures/load.ts'
import { memoryDestination } from './memory-destination.ts'
import { DEFAULT_REDACT_KEYS, keyRedactor, REDACTED } from './redact.ts'

const logged = (value: Record<string, unknown>, options: Parameters<typeof createLogger>[0] = {}) => {
  const out = memoryDestination()
  createLogger({ destination: out, pretty: false, ...options }).info(value, 'line')
  return out.records()[0] as Record<string, unknown>
}

const anyCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''))

describe('default redactions', () => {
  test('authorization, cookie, API key and security token headers, whatever the case, single- and multi-value', () => {
    const headers = [
      'authorization',
      'proxy-authorization',
      'cookie',
      'set-cookie',
      'x-api-key',
      'x-amz-security-token',
    ]
    fc.assert(
      fc.property(fc.constantFrom(...headers).chain(anyCase), fc.string(), (name, secret) => {
        const line = logged({
          event: { headers: { [name]: secret }, multiValueHeaders: { [name]: [secret] } },
        })
        expect(line.event).toEqual({ headers: { [name]: REDACTED }, multiValueHeaders: { [name]: REDACTED } })
      }),
      { numRuns: 100 },
    )
  })

  test('the credentials in a real Function URL event: cookie header, cookies array, security token', () => {
    const event = fixture('function-url-request-with-headers-and-cookies-and-text-body.json')
    const line = logged({ event }) as { event: { headers: Record<string, unknown>; cookies: unknown } }
    expect(line.event.cookies).toBe(REDACTED)
    expect(line.event.headers.cookie).toBe(REDACTED)
    expect(line.event.headers['x-amz-security-token']).toBe(REDACTED)
    expect(line.event.headers['user-agent']).toBe('python-requests/2.28.2')
  })

  test('fields named password, secret, token or apiKey at the top and nested down to level 5', () => {
    const line = logged({
      password: 'p0',
      user: { Password: 'p1', name: 'ada' },
      body: { credentials: { secret: 's', apiKey: 'k', TOKEN: 't' } },
      event: { Records: [{ messageAttributes: { token: 'deep' } }] },
    })
    expect(line).toMatchObject({
      password: REDACTED,
      user: { Password: REDACTED, name: 'ada' },
      body: { credentials: { secret: REDACTED, apiKey: REDACTED, TOKEN: REDACTED } },
      event: { Records: [{ messageAttributes: { token: REDACTED } }] },
    })
  })

  test('leaves the logged object itself unchanged and keeps everything else', () => {
    const value = { headers: { Authorization: 'Bearer abc', accept: '*/*' }, count: 2 }
    const line = logged(value)
    expect(line).toMatchObject({ headers: { Authorization: REDACTED, accept: '*/*' }, count: 2 })
    expect(value.headers.Authorization).toBe('Bearer abc')
  })

  test('returns the same object when nothing is sensitive, so clean lines are not copied', () => {
    const redact = keyRedactor(DEFAULT_REDACT_KEYS)
    const value = { a: 1, nested: { b: [1, { c: 'x' }] } }
    expect(redact(value)).toBe(value)
  })

  test('below level 5 keys are not checked (the documented limit)', () => {
    const line = logged({ a: { b: { c: { d: { e: { password: 'too deep' } } } } } })
    expect(line).toMatchObject({ a: { b: { c: { d: { e: { password: 'too deep' } } } } } })
  })
})

describe('redact option', () => {
  test('keys add names and paths add exact pino paths', () => {
    const line = logged(
      { user: { SSN: '123', card: { number: '4111' } }, other: 1 },
      { redact: { keys: ['ssn'], paths: ['user.card.number'] } },
    )
    expect(line).toMatchObject({ user: { SSN: REDACTED, card: { number: '[Redacted]' } }, other: 1 })
  })

  test('false turns every redaction off', () => {
    expect(logged({ password: 'visible' }, { redact: false }).password).toBe('visible')
  })
})
