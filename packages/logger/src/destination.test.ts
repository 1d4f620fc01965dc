import { describe, expect, test } from 'vitest'
import { createLogger } from './create-logger.ts'
import { prettyDestination, wantsPretty } from './destination.ts'
import { sluiceFields } from './fields.ts'
import { memoryDestination } from './memory-destination.ts'

describe('wantsPretty', () => {
  test('SLUICE_LOG_PRETTY decides; otherwise pretty on a terminal and JSON on a pipe', () => {
    expect(wantsPretty({ SLUICE_LOG_PRETTY: '1' }, false)).toBe(true)
    expect(wantsPretty({ SLUICE_LOG_PRETTY: '0' }, true)).toBe(false)
    expect(wantsPretty({}, true)).toBe(true)
    expect(wantsPretty({}, false)).toBe(false)
  })
})

describe('pretty output', () => {
  test('pretty: true writes human-readable lines through pino-pretty, synchronously', () => {
    const out = memoryDestination()
    const log = createLogger({ destination: out, pretty: true })
    log.info({ orderId: 'o-1' }, 'order placed')
    expect(out.lines).toHaveLength(1)
    expect(out.lines[0]).toMatch(/INFO.*order placed/)
    expect(out.lines[0]).toMatch(/orderId: "o-1"/)
    expect(() => JSON.parse(out.lines[0] as string)).toThrow()
  })

  test('pretty: false writes one JSON object per line', () => {
    const out = memoryDestination()
    createLogger({ destination: out, pretty: false }).info('plain')
    expect(out.lines[0]?.endsWith('\n')).toBe(true)
    expect(JSON.parse(out.lines[0] as string)).toMatchObject({ msg: 'plain', level: 'info' })
  })

  test('prettyDestination formats the lines of either field style', () => {
    const out = memoryDestination()
    prettyDestination(sluiceFields, out, true).write(
      '{"level":"warn","timestamp":"2024-01-01T00:00:00.000Z","msg":"careful"}\n',
    )
    expect(out.lines[0]).toMatch(/WARN.*careful/)
  })
})
