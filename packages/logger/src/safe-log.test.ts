import fc from 'fast-check'
import { pino } from 'pino'
import { describe, expect, test } from 'vitest'
import { createLogger } from './create-logger.ts'
import { memoryDestination } from './memory-destination.ts'
import { REDACTED } from './redact.ts'

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const setup = () => {
  const out = memoryDestination()
  return { out, log: createLogger({ destination: out, pretty: false }) }
}

describe('controls: what plain pino does with the same input', () => {
  test('throws on a revoked Proxy and writes camelCase and nested secrets that its exact paths miss', () => {
    const out = memoryDestination()
    const raw = pino({ redact: ['password', 'headers.authorization'] }, out)
    expect(() => raw.info(revoked())).toThrow(TypeError)
    raw.info({ headers: { Authorization: 'Bearer x' }, user: { password: 'p' } })
    expect(out.lines.join('')).toContain('Bearer x')
    expect(out.lines.join('')).toContain('"password":"p"')
  })
})

describe('log calls never throw', () => {
  test('a getter that answers once and throws the next time: the line is replaced by one saying so', () => {
    const { out, log } = setup()
    let reads = 0
    const flaky = Object.defineProperty({}, 'value', {
      enumerable: true,
      get: () => {
        reads += 1
        if (reads > 1) throw new RangeError('second read')
        return 1
      },
    })
    expect(() => log.info(flaky, 'flaky')).not.toThrow()
    expect(out.records()).toMatchObject([
      { level: 'info', logError: 'RangeError: second read', msg: 'a log call failed; this line replaces it' },
    ])
  })

  test('a destination that throws loses the line, not the invocation', () => {
    const log = createLogger({
      pretty: false,
      destination: {
        write: () => {
          throw new Error('EPIPE')
        },
      },
    })
    expect(() => log.error('lost')).not.toThrow()
  })

  test('log.error(err) keeps pino’s shape: the error under err, its message as the message', () => {
    const { out, log } = setup()
    log.error(new TypeError('bad input', { cause: new Error('root cause') }))
    expect(out.records()[0]).toMatchObject({
      msg: 'bad input',
      err: { type: 'TypeError', message: 'bad input: root cause' },
    })
  })

  test('log.error({ err }) takes the message from the error itself, as pino does, unless one is given', () => {
    const { out, log } = setup()
    const err = new Error('outer', { cause: new Error('inner') })
    log.error({ err })
    log.error({ err, msg: 'own' })
    log.error({ err }, 'given')
    expect(out.records().map((r) => r.msg)).toEqual(['outer', 'own', 'given'])
  })

  test('format arguments are made safe and redacted too', () => {
    const { out, log } = setup()
    const info = log.info.bind(log) as (...args: unknown[]) => void
    info('user %j from %s (%d)', { name: 'ada', password: 'p' }, Symbol('where'), 10n)
    expect(out.records()[0]?.msg).toBe('user {"name":"ada","password":"[Redacted]"} from Symbol(where) (10)')
  })

  test('child bindings and setBindings are redacted; bindings that are not objects bind nothing', () => {
    const { out, log } = setup()
    const child = log.child({ tenant: 'acme', apiKey: 'k' })
    child.info('one')
    child.setBindings({ sessionToken: 's' })
    child.info('two')
    log.child('text' as never).info('three')
    log.child(revoked()).info('four')
    const [one, two, three, four] = out.records()
    expect(one).toMatchObject({ tenant: 'acme', apiKey: REDACTED })
    expect(two).toMatchObject({ sessionToken: REDACTED })
    expect(Object.keys(three ?? {})).toEqual(['level', 'timestamp', 'msg'])
    expect(four?.msg).toBe('four')
  })
})

describe('the common line, { flat object } and a message, is written as pino writes it', () => {
  const withoutTime = (line: string | undefined) => line?.replace(/"timestamp":"[^"]*"/, '')
  // A third argument sends the same call through the general path and pino's own log method.
  const bothWays = (log: ReturnType<typeof createLogger>, fields: object, message: string) => {
    const info = log.info.bind(log) as (...args: unknown[]) => void
    info(fields, message)
    info(fields, message, undefined)
  }

  test('byte for byte the line of pino’s own log method, for any flat object and message', () => {
    const primitive = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    )
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom('method', 'headers', 'socket', 'msg', 'level', 'apiKey'),
    )
    fc.assert(
      fc.property(fc.dictionary(key, primitive), fc.string(), (fields, message) => {
        const { out, log } = setup()
        bothWays(log, fields, message.replaceAll('%', ''))
        const [fast, general] = out.lines
        expect(withoutTime(fast)).toBe(withoutTime(general))
      }),
      { numRuns: 500 },
    )
  })

  test('what pino’s log method changes still changes: msgPrefix, HTTP-request-like and response-like objects', () => {
    const { out, log } = setup()
    const prefixed = log.child({}, { msgPrefix: '[orders] ' })
    bothWays(prefixed, { orderId: 'o-1' }, 'stored')
    bothWays(log, { method: 'GET', headers: 'h', socket: 's' }, 'request')
    bothWays(log, { statusCode: 200, setHeader: () => undefined }, 'response')
    const lines = out.lines.map(withoutTime)
    expect(lines[0]).toBe(lines[1])
    expect(lines[2]).toBe(lines[3])
    expect(lines[4]).toBe(lines[5])
    expect(out.records()[0]?.msg).toBe('[orders] stored')
    expect(out.records()[2]).toHaveProperty('req')
  })

  test('a secret key on a line whose other keys were seen before is redacted', () => {
    const { out, log } = setup()
    log.info({ orderId: 'o-1', user: 'ada' }, 'one')
    log.info({ orderId: 'o-2', token: 't' }, 'two')
    log.info({ apiKey: 'k', user: 'ada' }, 'three')
    expect(out.records()).toMatchObject([
      { orderId: 'o-1', user: 'ada' },
      { orderId: 'o-2', token: REDACTED },
      { apiKey: REDACTED, user: 'ada' },
    ])
  })
})
