import { gzipSync } from 'node:zlib'
import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { sample } from '../../../../test/fixtures/corpora/load.ts'
import { EventsOptionError } from '../errors.ts'
import { safeParseEvent } from '../parse-event.ts'
import { decodeCloudwatchLogs } from './cloudwatch-logs.ts'
import { envelopes } from './index.ts'

const line = z.object({ level: z.string(), msg: z.string() })

describe('envelopes.cloudwatchLogs', () => {
  test('decodes and parses every log message as JSON', () => {
    const event = events['cloudwatch-logs']({
      logEvents: [{ message: { level: 'info', msg: 'a' } }, { message: { level: 'warn', msg: 'b' } }],
    })
    expect(envelopes.cloudwatchLogs(line).parse(event)).toEqual([
      { level: 'info', msg: 'a' },
      { level: 'warn', msg: 'b' },
    ])
  })

  test('decodes the AWS sample (plain-text messages) with decodeCloudwatchLogs', () => {
    const decoded = decodeCloudwatchLogs(sample('cloudwatch-logs-event.json'))
    expect(decoded.logGroup).toBe('testLogGroup')
    expect(decoded.logEvents.map((e) => e.message)).toEqual([
      '[ERROR] First test message',
      '[ERROR] Second test message',
    ])
  })

  test('the CONTROL_MESSAGE of a new subscription gives no records', () => {
    const event = events['cloudwatch-logs']({
      messageType: 'CONTROL_MESSAGE',
      logEvents: [{ message: 'CWL CONTROL MESSAGE: Checking health of destination' }],
    })
    expect(envelopes.cloudwatchLogs(line).parse(event)).toEqual([])
  })

  test('a gzip bomb stops at the cap with EVENT_TOO_LARGE, using at most the cap in memory', () => {
    const bomb = { awslogs: { data: gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)).toString('base64') } }
    expect(bomb.awslogs.data.length).toBeLessThan(200_000)
    const before = process.memoryUsage().arrayBuffers
    const result = safeParseEvent(envelopes.cloudwatchLogs(line, { maxBytes: 1024 * 1024 }), bomb)
    expect(result).toMatchObject({
      success: false,
      error: { code: 'EVENT_TOO_LARGE', path: ['awslogs', 'data'] },
    })
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024)
  })

  test.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, '1024'])(
    'maxBytes %s is refused when the envelope is made (EVENTS_INVALID_OPTION), never a cap switched off',
    (maxBytes) => {
      const options = { maxBytes: maxBytes as number }
      for (const make of [
        () => envelopes.cloudwatchLogs(line, options),
        () => decodeCloudwatchLogs({}, options),
      ]) {
        expect(make).toThrow(expect.objectContaining({ code: 'EVENTS_INVALID_OPTION', path: ['maxBytes'] }))
        expect(make).toThrow(EventsOptionError)
      }
    },
  )

  test('the default cap is 5 MiB', () => {
    const big = { awslogs: { data: gzipSync(Buffer.alloc(6 * 1024 * 1024, 0x20)).toString('base64') } }
    expect(safeParseEvent(envelopes.cloudwatchLogs(line), big)).toMatchObject({
      success: false,
      error: { code: 'EVENT_TOO_LARGE' },
    })
  })

  test('data that is not gzip is EVENT_GZIP_INVALID; not base64 is EVENT_BASE64_INVALID', () => {
    const notGzip = { awslogs: { data: Buffer.from('{"logEvents":[]}').toString('base64') } }
    expect(safeParseEvent(envelopes.cloudwatchLogs(line), notGzip)).toMatchObject({
      success: false,
      error: { code: 'EVENT_GZIP_INVALID' },
    })
    expect(safeParseEvent(envelopes.cloudwatchLogs(line), { awslogs: { data: '%%%' } })).toMatchObject({
      success: false,
      error: { code: 'EVENT_BASE64_INVALID' },
    })
  })
})
