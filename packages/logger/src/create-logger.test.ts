import { afterEach, describe, expect, test, vi } from 'vitest'
import { createLogger } from './create-logger.ts'
import { memoryDestination } from './memory-destination.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('createLogger', () => {
  test('writes the level as a label and an RFC 3339 timestamp, which Lambda log-level filtering needs', () => {
    const out = memoryDestination()
    const log = createLogger({ destination: out, pretty: false, level: 'trace' })
    log.trace('t')
    log.fatal('f')
    const [trace, fatal] = out.records()
    expect(trace).toMatchObject({ level: 'trace', msg: 't' })
    expect(fatal).toMatchObject({ level: 'fatal' })
    expect(new Date(trace?.timestamp as string).toISOString()).toBe(trace?.timestamp)
    expect(trace).not.toHaveProperty('pid')
    expect(trace).not.toHaveProperty('hostname')
  })

  test('Powertools names: upper-case levels, CRITICAL for fatal, message, service_undefined by default', () => {
    const out = memoryDestination()
    const log = createLogger({ destination: out, pretty: false, fieldNames: 'powertools' })
    log.info('hello')
    log.fatal('down')
    expect(out.records()).toMatchObject([
      { level: 'INFO', message: 'hello', service: 'service_undefined' },
      { level: 'CRITICAL', message: 'down' },
    ])
  })

  test('errors: pino err serializer by default, Powertools error shape with Powertools names', () => {
    const out = memoryDestination()
    const cause = new RangeError('inner')
    createLogger({ destination: out, pretty: false }).error(new TypeError('bad', { cause }))
    createLogger({ destination: out, pretty: false, fieldNames: 'powertools' }).error(
      new TypeError('bad', { cause }),
    )
    const [sluice, powertools] = out.records()
    expect(sluice).toMatchObject({ msg: 'bad', err: { type: 'TypeError', message: 'bad: inner' } })
    expect(powertools).toMatchObject({
      message: 'bad',
      error: {
        name: 'TypeError',
        message: 'bad',
        location: expect.stringMatching(/:\d+$/),
        cause: { name: 'RangeError', message: 'inner' },
      },
    })
  })

  test('service from the option, else POWERTOOLS_SERVICE_NAME; base fields on every line', () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'from-env')
    const out = memoryDestination()
    createLogger({ destination: out, pretty: false }).info('a')
    createLogger({ destination: out, pretty: false, service: 'given', base: { region: 'eu-west-1' } }).info(
      'b',
    )
    expect(out.records()).toMatchObject([{ service: 'from-env' }, { service: 'given', region: 'eu-west-1' }])
  })

  test('the level follows AWS_LAMBDA_LOG_LEVEL over the option and says so once, at warn', () => {
    vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', 'WARN')
    const out = memoryDestination()
    const log = createLogger({ destination: out, pretty: false, level: 'debug' })
    log.info('dropped')
    log.warn('kept')
    expect(out.records().map((r) => [r.level, r.msg])).toEqual([
      ['warn', expect.stringContaining('below Lambda')],
      ['warn', 'kept'],
    ])
  })
})
