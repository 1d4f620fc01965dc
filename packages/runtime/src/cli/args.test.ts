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
      json: true,
    })
    expect(parseInvokeArgs(['h.ts', '-t', '750']).timeoutMs).toBe(750)
  })

  it.each([
    [[], /needs one handler/],
    [['h.ts', '--count', 'many'], /--count many is not a whole number/],
    [['h.ts', '--timeout', 'soon'], /--timeout soon is not a duration/],
    [['h.ts', '--env', 'NOPE'], /--env NOPE is not KEY=VALUE/],
    [['h.ts', '--wat'], /--wat/],
  ])('rejects %o with a message saying what to pass', (argv, message) => {
    expect(() => parseInvokeArgs(argv)).toThrow(message)
  })
})
