import { lambda } from '@sluice/core'
import { createContext, invoke, invokeResult } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

/** A deterministic [0, 1) source (mulberry32), so sampling tests can fail the same way every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe('debug sampling', () => {
  test('10 000 invocations at rate 0.1 log debug in 10% of them, within 5 standard deviations', async () => {
    const out = memoryDestination()
    const handler = lambda()
      .use(logger({ destination: out, pretty: false, sampleRate: 0.1, random: seeded(20_240_611) }))
      .handler((_event, context) => {
        context.log.debug('detail')
        context.log.info('summary')
      })
    const context = createContext()
    for (let i = 0; i < 10_000; i++) await handler({}, context)
    const records = out.records()
    const debug = records.filter((r) => r.level === 'debug')
    expect(records.filter((r) => r.level === 'info')).toHaveLength(10_000)
    // Binomial(10 000, 0.1): mean 1000, standard deviation 30.
    expect(debug.length).toBeGreaterThan(850)
    expect(debug.length).toBeLessThan(1150)
    expect(debug.every((r) => r.debugSampled === true)).toBe(true)
    expect(records.filter((r) => r.level === 'info' && r.debugSampled === true)).toHaveLength(debug.length)
  })

  test('rate 0 never samples and rate 1 always does', async () => {
    for (const [sampleRate, expected] of [
      [0, 0],
      [1, 50],
    ] as const) {
      const out = memoryDestination()
      const handler = lambda()
        .use(logger({ destination: out, pretty: false, sampleRate }))
        .handler((_event, context) => context.log.debug('detail'))
      for (let i = 0; i < 50; i++) await invoke(handler, {})
      expect(out.lines).toHaveLength(expected)
    }
  })

  test('level silent stays silent: neither sampling nor buffering brings lines back', async () => {
    const out = memoryDestination()
    const handler = lambda()
      .use(logger({ destination: out, pretty: false, level: 'silent', sampleRate: 1, buffer: true }))
      .handler((_event, context) => {
        context.log.debug('detail')
        context.log.fatal('down')
        throw new Error('boom')
      })
    await invokeResult(handler, {})
    expect(out.lines).toEqual([])
  })

  test('POWERTOOLS_LOGGER_SAMPLE_RATE sets the default rate', async () => {
    vi.stubEnv('POWERTOOLS_LOGGER_SAMPLE_RATE', '1')
    const out = memoryDestination()
    const handler = lambda()
      .use(logger({ destination: out, pretty: false }))
      .handler((_event, context) => context.log.debug('detail'))
    await invoke(handler, {})
    expect(out.records()).toMatchObject([{ level: 'debug' }])
  })
})
