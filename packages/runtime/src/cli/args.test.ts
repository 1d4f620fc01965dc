import { describe, expect, it } from 'vitest'
import { parseInvokeArgs } from './args.ts'

describe('parseInvokeArgs', () => {
  it('reads every option, with timeouts in ms or seconds', () => {
    const args = parseInvokeArgs([
      'handler.ts#main',
      '--event',
      'builder:sqs?records=10',
      '--memory',
      '512',
      '--timeout',
      '2s',
      '-n',
      '40',
      '-c',
      '4',
      '--env',
      'A=1',
      '--env',
      'B=x=y',
      '--port',
      '9001',
      '--idle-timeout',
      '1.5s',
      '--json',
    ])
    expect(args).toMatchObject({
      handler: 'handler.ts#main',
      event: 'builder:sqs?records=10',
      memoryMb: 512,
      timeoutMs: 2000,
      count: 40,
      concurrency: 4,
      env: { A: '1', B: 'x=y' },
      port: 9001,
      idleTimeoutMs: 1500,
      json: true,
    })
    expect(parseInvokeArgs(['h.ts', '-t', '1750']).timeoutMs).toBe(1750)
    expect(parseInvokeArgs(['h.ts', '--event', '-']).event).toBe('-')
  })

  it('reads Managed Instances and tenant flags, unset by default', () => {
    expect(parseInvokeArgs(['h.ts'])).toMatchObject({
      maxConcurrency: undefined,
      workers: undefined,
      tenantIds: [],
    })
    const args = [
      'h.ts',
      '--max-concurrency',
      '8',
      '--workers',
      '2',
      '--tenant-id',
      'a,b',
      '--tenant-id',
      'c',
    ]
    expect(parseInvokeArgs(args)).toMatchObject({ maxConcurrency: 8, workers: 2, tenantIds: ['a', 'b', 'c'] })
  })

  it.each([
    [
      ['--max-concurrency', '0'],
      '--max-concurrency must be a whole number of invocations in flight per container',
    ],
    [
      ['--max-concurrency', '4', '--workers', '65'],
      '--workers must be a whole number of runtime worker threads',
    ],
    [['--workers', '2'], '--workers 2 needs --max-concurrency: pass e.g. --max-concurrency 8 --workers 2'],
    [['--tenant-id', 'a,'], '--tenant-id takes tenant ids of 1 to 256 printable characters'],
    [['--tenant-id', 'a b'], '(got "a b")'],
  ])('rejects %o with INVALID_ARGUMENT', (flags, message) => {
    expect(() => parseInvokeArgs(['h.ts', ...flags])).toThrow(message)
    expect(() => parseInvokeArgs(['h.ts', ...flags])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })

  it("accepts Lambda's limits exactly", () => {
    expect(parseInvokeArgs(['h.ts', '-m', '128', '-t', '1s'])).toMatchObject({
      memoryMb: 128,
      timeoutMs: 1000,
    })
    expect(parseInvokeArgs(['h.ts', '-m', '10240', '-t', '900s'])).toMatchObject({
      memoryMb: 10_240,
      timeoutMs: 900_000,
    })
  })

  const memory = '--memory must be a whole number of MB from 128 to 10240, e.g. --memory 512'
  const timeout =
    '--timeout must be from 1s to 900s, in seconds (30s) or milliseconds (30000), e.g. --timeout 30s'
  const count = '--count must be a whole number from 1 to 1000000, e.g. --count 10'
  const concurrency = '--concurrency must be a whole number from 1 to 1000, e.g. --concurrency 4'
  const port = '--port must be a port from 0 to 65535 (0 picks free ports), e.g. --port 9001'
  const idle = '--idle-timeout must be from 0 to 2147483647 ms, in seconds (60s) or milliseconds (60000)'
  it.each([
    [['--memory', 'abc'], `${memory} (got "abc")`],
    [['--memory', '127'], `${memory} (got "127")`],
    [['-m', '10241'], `${memory} (got "10241")`],
    [['--memory', '512.5'], `${memory} (got "512.5")`],
    [['--memory', '1e3'], `${memory} (got "1e3")`],
    [['--timeout', '-5'], `${timeout} (got "-5")`],
    [['-t', '-5'], `${timeout} (got "-5")`],
    [['--timeout=-5'], `${timeout} (got "-5")`],
    [['--timeout', 'soon'], `${timeout} (got "soon")`],
    [['--timeout', '500'], `${timeout} (got "500")`],
    [['--timeout', '901s'], `${timeout} (got "901s")`],
    [['--count', 'many'], `${count} (got "many")`],
    [['--count', '0'], `${count} (got "0")`],
    [['-n', '-1'], `${count} (got "-1")`],
    [['--concurrency', '0'], `${concurrency} (got "0")`],
    [['-c', '1001'], `${concurrency} (got "1001")`],
    [['--port', '65536'], `${port} (got "65536")`],
    [['--port', 'http'], `${port} (got "http")`],
    [['--idle-timeout', '-1'], idle],
    [['--idle-timeout', 'never'], idle],
  ])('%o gets one line naming a valid value', (flags, message) => {
    expect(() => parseInvokeArgs(['h.ts', ...flags])).toThrow(message)
    try {
      parseInvokeArgs(['h.ts', ...flags])
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' })
      expect(String(error)).not.toContain('\n')
    }
  })

  it.each([
    [[], /needs one handler/],
    [['h.ts', '--env', 'NOPE'], /--env NOPE is not KEY=VALUE/],
    [['h.ts', '--wat'], /--wat/],
  ])('rejects %o with a message saying what to pass', (argv, message) => {
    expect(() => parseInvokeArgs(argv)).toThrow(message)
  })
})

describe('parseInvokeArgs --async', () => {
  it("reads Lambda's asynchronous settings, with its defaults", () => {
    expect(parseInvokeArgs(['h.ts', '--async']).async).toEqual({
      maximumRetryAttempts: 2,
      maximumEventAgeInSeconds: 21_600,
      timeScale: 1,
    })
    const args = [
      'h.ts',
      '--async',
      '--max-retry-attempts',
      '0',
      '--max-event-age',
      '60',
      '--time-scale',
      '0.5',
    ]
    expect(parseInvokeArgs(args).async).toEqual({
      maximumRetryAttempts: 0,
      maximumEventAgeInSeconds: 60,
      timeScale: 0.5,
    })
    expect(parseInvokeArgs(['h.ts']).async).toBeUndefined()
  })

  it.each([
    [['--async', '--max-retry-attempts', '3'], '--max-retry-attempts must be a whole number from 0 to 2'],
    [
      ['--async', '--max-event-age', '59'],
      '--max-event-age must be a whole number of seconds from 60 to 21600',
    ],
    [
      ['--async', '--max-event-age', '21601'],
      '--max-event-age must be a whole number of seconds from 60 to 21600',
    ],
    [['--async', '--time-scale', '0'], '--time-scale must be a positive number'],
    [['--async', '--time-scale', '-5'], '--time-scale must be a positive number'],
    [['--time-scale', '10'], '--time-scale needs --async'],
    [['--async', '--count', '2'], '--async sends one event'],
  ])('refuses %j', (flags, message) => {
    expect(() => parseInvokeArgs(['h.ts', ...flags])).toThrow(message)
  })
})
