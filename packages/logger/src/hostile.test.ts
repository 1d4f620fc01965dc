import { lambda } from '@sluice/core'
import { invokeResult } from '@sluice/testing'
import fc from 'fast-check'
import type { Logger } from 'pino'
import { describe, expect, test } from 'vitest'
import { createLogger } from './create-logger.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

const METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const
const RUNS = 500

const thrower = () => {
  throw new Error('hostile')
}

/** Values built to break loggers: each is a known way JSON.stringify, pino or a naive walker throws or hangs. */
const hostileValues = (): unknown[] => {
  const revocable = Proxy.revocable({ a: 1 }, {})
  revocable.revoke()
  const cyclic: Record<string, unknown> = { name: 'cycle' }
  cyclic.self = { back: cyclic }
  const causeLoop = new Error('loop')
  causeLoop.cause = new Error('inner', { cause: causeLoop })
  const badName = new Error('bad name')
  Object.defineProperty(badName, 'name', { get: thrower })
  const badCause = new Error('bad cause')
  Object.defineProperty(badCause, 'cause', { get: thrower, enumerable: true })
  let deep: Record<string, unknown> = {}
  for (let i = 0; i < 5000; i++) deep = { next: deep }
  return [
    revocable.proxy,
    Object.create(revocable.proxy),
    Object.defineProperty({}, 'boom', { get: thrower, enumerable: true }),
    new Proxy({}, { get: thrower, ownKeys: thrower, getPrototypeOf: thrower, has: thrower }),
    new Proxy([], { get: thrower }),
    cyclic,
    10n ** 30n,
    Symbol('hostile'),
    'x'.repeat(1_000_000),
    { toJSON: thrower },
    { toJSON: () => 10n },
    { toString: thrower, valueOf: thrower },
    causeLoop,
    badName,
    badCause,
    Object.freeze(new Error('frozen')),
    new Error('revoked cause', { cause: revocable.proxy }),
    new AggregateError([new Error('one'), revocable.proxy], 'many'),
    Object.create(null),
    new Date(Number.NaN),
    Number.NaN,
    () => 'function',
    deep,
    { method: 'GET', headers: { cookie: 'c' }, socket: revocable.proxy },
  ]
}

const secret = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 16, maxLength: 16 })
  .map((s) => `S3CR3T-${s}`)
const secretKey = fc.constantFrom(
  'password',
  'Authorization',
  'x-api-key',
  'clientSecret',
  'refresh_token',
  'X-Amz-Security-Token',
  'set-cookie',
  'privateKey',
  'SSN', // configured below
)

const HOSTILE = hostileValues()
interface Hostile {
  readonly index: number
}
const hostileBoxes = new WeakSet<object>()

interface Buried {
  readonly value: unknown
  readonly secret: string
}
const buriedSecrets = new WeakSet<object>()

/** A secret under a secret key, buried at a random depth in random noise (objects and arrays). */
const buried = fc
  .tuple(
    secretKey,
    secret,
    fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 })), {
      maxLength: 30,
    }),
  )
  .map(([key, value, path]): Buried => {
    let holder: unknown = { [key]: value }
    for (const [asArray, name, noise] of path) {
      holder = asArray ? [noise, holder] : { noise, [name === '__proto__' ? 'p' : `${name}_`]: holder }
    }
    const found = { value: holder, secret: value }
    buriedSecrets.add(found)
    return found
  })

/** Unwraps a generated value: the value to log and the secret it carries, if any (no Proxy trap is run). */
const unwrap = (generated: unknown): { value: unknown; secrets: string[] } => {
  if (typeof generated !== 'object' || generated === null) return { value: generated, secrets: [] }
  if (hostileBoxes.has(generated)) return { value: HOSTILE[(generated as Hostile).index], secrets: [] }
  if (buriedSecrets.has(generated)) {
    return { value: (generated as Buried).value, secrets: [(generated as Buried).secret] }
  }
  return { value: generated, secrets: [] }
}

const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  // Boxed: fast-check itself would run the traps if it held these values.
  fc.nat({ max: HOSTILE.length - 1 }).map((index): Hostile => {
    const box = { index }
    hostileBoxes.add(box)
    return box
  }),
)

type Call = (log: Logger, value: unknown, other: unknown) => void
const each = (log: Logger, write: (method: (...args: unknown[]) => void) => void) => {
  for (const name of METHODS) write(log[name].bind(log) as (...args: unknown[]) => void)
}
const calls: Record<string, Call> = {
  'value alone': (log, value) => each(log, (method) => method(value)),
  'value, message': (log, value) => each(log, (method) => method(value, 'message')),
  'message with format arguments': (log, value, other) =>
    each(log, (method) => method('%s %d %j %o %O', value, other, value, other, value)),
  'value, non-string message, arguments': (log, value, other) =>
    each(log, (method) => method(value, other, value)),
  'child bindings': (log, value, other) => {
    log.child(value as object).info(other as object, 'child')
  },
  'nested child and setBindings': (log, value, other) => {
    const child = log.child({ a: 1 }).child(other as object)
    child.setBindings(value as object)
    child.warn('set')
  },
}

const logsWithout = (out: ReturnType<typeof memoryDestination>, secrets: readonly string[]) => {
  for (const line of out.lines) {
    expect(() => JSON.parse(line)).not.toThrow()
    for (const s of secrets) expect(line).not.toContain(s)
  }
}

describe('under hostile input', () => {
  test.each(Object.entries(calls))(
    '%s: never throws, every line is JSON, no secret is written',
    (_, call) => {
      fc.assert(
        fc.property(
          fc.oneof(anyValue, buried),
          fc.oneof(anyValue, buried),
          fc.constantFrom('sluice', 'powertools') as fc.Arbitrary<'sluice' | 'powertools'>,
          (first, second, fieldNames) => {
            const out = memoryDestination()
            const log = createLogger({
              destination: out,
              pretty: false,
              level: 'trace',
              fieldNames,
              redact: { keys: ['ssn'] },
            })
            const { value, secrets: first_ } = unwrap(first)
            const { value: other, secrets: second_ } = unwrap(second)
            const secrets = [...first_, ...second_]
            expect(() => call(log, value, other)).not.toThrow()
            expect(out.lines.length).toBeGreaterThan(0)
            logsWithout(out, secrets)
          },
        ),
        { numRuns: RUNS },
      )
    },
  )

  test('through the middleware with buffering: hostile events, hostile lines, a failing invocation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, buried), fc.oneof(anyValue, buried), async (event, line) => {
        const out = memoryDestination()
        const { value: payload, secrets: first } = unwrap(event)
        const { value: fields, secrets: second } = unwrap(line)
        const handler = lambda()
          .use(
            logger({
              destination: out,
              pretty: false,
              buffer: { maxBytes: 10_000_000 },
              logEvent: { omit: ['body'] },
              redact: { keys: ['ssn'] },
            }),
          )
          .handler((_event, context) => {
            context.log.debug({ fields }, 'kept')
            throw new Error('fail, so the kept line is written')
          })
        const outcome = await invokeResult(handler, payload)
        expect(outcome.ok).toBe(false)
        expect(out.records().some((r) => r.msg === 'kept')).toBe(true)
        logsWithout(out, [...first, ...second])
      }),
      { numRuns: RUNS },
    )
  })
})
