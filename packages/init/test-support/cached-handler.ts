import { lambda } from '@sluice/core'
import { after } from '@sluice/testing'
import { awaitInit } from '../src/await-init.ts'
import { cached } from '../src/cached.ts'
import { probe } from './probe.ts'

const clock = probe.clock
probe.log.push(`init@${clock.now()}`)

// Module scope: the fetch starts now, during INIT.
const config = cached(
  async () => {
    probe.fetches += 1
    const n = probe.fetches
    probe.log.push(`fetch ${n} start@${clock.now()}`)
    if (probe.fetchDelayMs > 0) await after(clock, probe.fetchDelayMs)
    if (probe.fetchFails) throw new Error('SSM unavailable')
    return `config v${n}`
  },
  {
    ttlMs: 60_000,
    staleIfErrorMs: 30_000,
    refresh: process.env.CONFIG_REFRESH === 'blocking' ? 'blocking' : 'background',
    clock,
  },
)

/** Returns the config it was handed and the timings awaitInit recorded. */
export const handler = lambda()
  .use(
    awaitInit({
      caches: { config },
      clock,
      processStartMs: clock.now(),
      warn: (_message, code) => probe.log.push(`warn ${code}`),
    }),
  )
  .handler(async (_event, context) => {
    probe.log.push(`invoke ${context.lifecycle.invocation}@${clock.now()}`)
    return { config: context.init.config, timings: context.initTimings }
  })
