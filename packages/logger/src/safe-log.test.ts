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
