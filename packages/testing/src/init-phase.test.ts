import { afterEach, describe, expect, test } from 'vitest'
import { initLog } from '../test-support/init-log.ts'
import { createInitPhase } from './init-phase.ts'

const url = new URL('../test-support/counter-handler.ts', import.meta.url)
const isHandler = (value: unknown): value is () => unknown => typeof value === 'function'
const ENV = 'SLUICE_INIT_PHASE_TEST'

afterEach(() => {
  delete process.env[ENV]
})

describe('createInitPhase', () => {
  test('runs INIT once until reset, with its environment applied until restored', async () => {
    const before = initLog.length
    const init = createInitPhase({ url, exportName: 'handler', env: { [ENV]: 'set' }, isHandler })
    expect(init.count).toBe(0)
    const [a, b] = await Promise.all([init.handler(), init.handler()])
    expect(a).toBe(b)
    expect(process.env[ENV]).toBe('set')
    expect([init.count, initLog.length - before]).toEqual([1, 1])
    expect(init.durationMs).toBeGreaterThanOrEqual(0)

    init.reset()
    const c = await init.handler()
    expect(c).not.toBe(a)
    expect([init.count, initLog.length - before]).toEqual([2, 2])

    init.restoreEnv()
    expect(process.env[ENV]).toBeUndefined()
  })

  test('retries a failed INIT on the next call', async () => {
    const init = createInitPhase({ url, exportName: 'missing', env: {}, isHandler })
    await expect(init.handler()).rejects.toMatchObject({ errorType: 'Runtime.HandlerNotFound' })
    await expect(init.handler()).rejects.toMatchObject({ errorType: 'Runtime.HandlerNotFound' })
    expect(init.count).toBe(2)
    init.restoreEnv()
  })
})
