import { describe, expect, it } from 'vitest'
import { withoutRepeatedCrash } from './crash-dump.ts'

const error = {
  errorType: 'Error',
  errorMessage: 'cannot connect "db"',
  trace: ['Error: cannot connect "db"'],
}
const logged =
  '{"timestamp":"2025-01-01T12:00:01.234Z","level":"ERROR","requestId":"-","message":{"errorType":"Error","errorMessage":"cannot connect \\"db\\"","stackTrace":["Error: cannot connect \\"db\\"","    at file:///app/x.mjs:2:7"]}}'
const crash = [
  'node:internal/process/promises:394',
  '    triggerUncaughtException(err, true /* fromPromise */);',
  '    ^',
  '',
  'Error: cannot connect "db"',
  '    at file:///app/x.mjs:2:7',
  '',
  'Node.js v24.21.0',
]

describe('withoutRepeatedCrash', () => {
  it("drops Node's crash report of an error the RIC logged, keeping what the function printed", () => {
    const logs = ['{"level":"INFO","message":"init"}', 'raw write', logged, 'raw before', ...crash, 'after']
    expect(withoutRepeatedCrash(logs, error)).toEqual([
      '{"level":"INFO","message":"init"}',
      'raw write',
      logged,
      'raw before',
      'after',
    ])
  })

  it('drops a syntax error report that starts at the file and line', () => {
    const syntax = {
      errorType: 'Runtime.UserCodeSyntaxError',
      errorMessage: 'SyntaxError: Unexpected token',
      trace: [],
    }
    const ric =
      '{"level":"ERROR","message":{"errorType":"Runtime.UserCodeSyntaxError","errorMessage":"SyntaxError: Unexpected token"}}'
    const logs = [
      ric,
      'file:///app/x.ts:2',
      'let = 1',
      '    ^',
      '',
      'SyntaxError: Unexpected token',
      '',
      'Node.js v24.21.0',
    ]
    expect(withoutRepeatedCrash(logs, syntax)).toEqual([ric])
  })

  // stdout (the RIC's line) and stderr (Node's report) are two pipes: read in either order.
  it("drops the report when the RIC's line was read after it", () => {
    const logs = ['{"level":"INFO","message":"init"}', ...crash, logged]
    expect(withoutRepeatedCrash(logs, error)).toEqual(['{"level":"INFO","message":"init"}', logged])
  })

  it('drops a report cut short by the container stopping, up to its last stack frame', () => {
    const cut = crash.slice(0, 6)
    expect(withoutRepeatedCrash([logged, ...cut, 'printed later'], error)).toEqual([logged, 'printed later'])
  })

  it('keeps the report when it is the only place the error is shown, or there was no error', () => {
    expect(withoutRepeatedCrash(crash, error)).toEqual(crash)
    expect(withoutRepeatedCrash([logged, ...crash], undefined)).toEqual([logged, ...crash])
    const other = { ...error, errorMessage: 'something else' }
    expect(withoutRepeatedCrash([logged, ...crash], other)).toEqual([logged, ...crash])
    expect(withoutRepeatedCrash(crash.slice(0, 6), error)).toEqual(crash.slice(0, 6))
  })
})
