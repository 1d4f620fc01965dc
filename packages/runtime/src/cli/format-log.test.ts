import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prettyLogLine } from './format-log.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false, {})
const colour = createStyle(true, {})
const indent = ' '.repeat(19)
// Anything a terminal would act on: every control character but tab and the newline the formatter writes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

describe('prettyLogLine', () => {
  it("formats the RIC's JSON and text lines as time, level, message", () => {
    const json = '{"timestamp":"2025-01-01T12:00:01.234Z","level":"INFO","requestId":"r","message":"hi"}'
    expect(prettyLogLine(json, plain)).toBe('12:00:01.234 INFO  hi')
    expect(prettyLogLine('2025-01-01T12:00:01.234Z\tr\tERROR\tboom\rat x', plain)).toBe(
      `12:00:01.234 ERROR boom\n${indent}at x`,
    )
  })

  it.each([
    [
      'pino: numeric level, epoch ms time, msg, process fields left out',
      '{"level":30,"time":1735732801234,"pid":7,"hostname":"h","msg":"hi"}',
      '12:00:01.234 INFO  hi',
    ],
    [
      '@sluice/logger: level label, ISO timestamp, invocation context left out, other fields shown',
      '{"level":"warn","timestamp":"2025-01-01T12:00:01.234Z","requestId":"r","coldStart":true,"traceId":"1-a","correlationId":"c-1","msg":"slow","ms":1200}',
      '12:00:01.234 WARN  slow correlationId=c-1 ms=1200',
    ],
    [
      'Powertools Logger: upper-case level, message, snake_case context left out',
      '{"level":"CRITICAL","message":"down","sampling_rate":0,"service":"s","timestamp":"2025-01-01T12:00:01.234+00:00","xray_trace_id":"1-a","cold_start":false,"function_name":"f","function_request_id":"r"}',
      '12:00:01.234 CRITICAL down',
    ],
    [
      'no message at all',
      '{"timestamp":"2025-01-01T12:00:01.234Z","level":"INFO","requestId":"r"}',
      '12:00:01.234 INFO',
    ],
    ['no timestamp', '{"level":"info","msg":"hi"}', `${' '.repeat(12)} INFO  hi`],
    ['no level', '{"msg":"hi","time":"2025-01-01T12:00:01.234Z"}', '12:00:01.234       hi'],
    [
      'an unreadable level and time stay as fields',
      '{"msg":"hi","level":{},"time":"soon"}',
      `${' '.repeat(12)}       hi level={} time=soon`,
    ],
    [
      'a message that is an object',
      '{"level":"debug","message":{"orderId":"o-1"}}',
      `${' '.repeat(12)} DEBUG {"orderId":"o-1"}`,
    ],
    ['a message that is null', '{"level":"info","message":null}', `${' '.repeat(12)} INFO  null`],
    [
      'a multi-line message',
      '{"level":"info","msg":"a\\nb\\r\\nc"}',
      `${' '.repeat(12)} INFO  a\n${indent}b\n${indent}c`,
    ],
    [
      "the RIC's logged error: its stack, once",
      '{"timestamp":"2025-01-01T12:00:01.234Z","level":"ERROR","requestId":"r","message":{"errorType":"Error","errorMessage":"boom","stackTrace":["Error: boom","    at f (a.js:1:1)"]}}',
      `12:00:01.234 ERROR Error: boom\n${indent}    at f (a.js:1:1)`,
    ],
    [
      "pino's err: message, then the stack",
      '{"level":50,"time":1735732801234,"msg":"failed","err":{"type":"Error","message":"boom","stack":"Error: boom\\n    at f (a.js:1:1)"}}',
      `12:00:01.234 ERROR failed\n${indent}Error: boom\n${indent}    at f (a.js:1:1)`,
    ],
    [
      "the RIC's console.error(text, error): the stack is in the message already",
      '{"timestamp":"2025-01-01T12:00:01.234Z","level":"ERROR","requestId":"r","message":"failed Error: boom\\n    at f (a.js:1:1)","errorType":"Error","errorMessage":"boom","stackTrace":["Error: boom","    at f (a.js:1:1)"]}',
      `12:00:01.234 ERROR failed Error: boom\n${indent}    at f (a.js:1:1)`,
    ],
    [
      "Lambda's timeout line",
      '2025-01-01T12:00:01.234Z 3f0c1a2b-1111-4222-8333-444455556666 Task timed out after 1.00 seconds',
      '12:00:01.234       Task timed out after 1.00 seconds',
    ],
    ['plain console output', 'raw stdout write', 'raw stdout write'],
    ['JSON that is not a log line', '{"not":"a log"}', '{"not":"a log"}'],
    ['a JSON array', '[1,"a"]', '[1,"a"]'],
    ['a JSON number', '42', '42'],
    ['JSON null', 'null', 'null'],
    ['broken JSON', '{"level":"info","msg":', '{"level":"info","msg":'],
    [
      'a __proto__ field stays a field',
      '{"level":"info","msg":"hi","__proto__":{"polluted":true}}',
      `${' '.repeat(12)} INFO  hi __proto__={"polluted":true}`,
    ],
    ['control characters', 'a\rb \u001b[2J\u0007', 'a\nb ␛[2J␇'],
  ])('%s', (_shape, line, shown) => {
    expect(prettyLogLine(line, plain)).toBe(shown)
  })

  it('colours the level by severity and dims the time on a colour terminal', () => {
    const line = prettyLogLine('{"level":50,"time":1735732801234,"msg":"boom"}', colour)
    expect(line).toBe('\u001b[2m12:00:01.234\u001b[22m \u001b[31mERROR\u001b[39m boom')
    expect(prettyLogLine('{"level":"warn","msg":"x"}', colour)).toContain('\u001b[33mWARN \u001b[39m')
    expect(prettyLogLine('{"level":"info","time":1735732801234}', colour)).toBe(
      '\u001b[2m12:00:01.234\u001b[22m \u001b[36mINFO\u001b[39m',
    )
  })

  const logLike = fc.record(
    {
      level: fc.oneof(fc.constantFrom('info', 'WARN', 'CRITICAL', 30, 50), fc.jsonValue()),
      time: fc.oneof(
        fc.integer(),
        fc.constantFrom('2025-01-01T12:00:01.234Z', '2025-99-99T99:99'),
        fc.jsonValue(),
      ),
      timestamp: fc.oneof(fc.date({ noInvalidDate: false }).map(String), fc.jsonValue()),
      msg: fc.jsonValue(),
      message: fc.oneof(fc.string(), fc.jsonValue()),
      err: fc.oneof(fc.record({ stack: fc.string() }), fc.jsonValue()),
      stackTrace: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
      requestId: fc.string(),
    },
    { requiredKeys: [] },
  )
  const anyLine = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    logLike.map((value) => JSON.stringify(value)),
    fc
      .tuple(fc.string(), fc.string(), fc.string())
      .map((parts) => `2025-01-01T12:00:01.234Z\t${parts.join('\t')}`),
  )

  it('never throws, and never lets a control character through, for any line', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        expect(prettyLogLine(line, plain)).not.toMatch(TERMINAL_CONTROL)
        expect(typeof prettyLogLine(line, colour)).toBe('string')
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps every line of a logged message', () => {
    const text = fc.string({ unit: 'grapheme-ascii' }).filter((value) => !TERMINAL_CONTROL.test(value))
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('msg', 'message'),
        (lines, key) => {
          const shown = prettyLogLine(JSON.stringify({ level: 'info', [key]: lines.join('\n') }), plain)
          for (const line of lines) expect(shown).toContain(line)
        },
      ),
    )
  })
})
