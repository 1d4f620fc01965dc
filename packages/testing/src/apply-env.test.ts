import { afterEach, describe, expect, test } from 'vitest'
import { applyEnv } from './apply-env.ts'

const NAME = 'SLUICE_LAMBDA_ENV_TEST'

afterEach(() => {
  delete process.env[NAME]
})

describe('applyEnv', () => {
  test('sets variables and restores the previous value or absence', () => {
    process.env[NAME] = 'before'
    const restore = applyEnv({ [NAME]: 'during', SLUICE_LAMBDA_ENV_NEW: 'x' })
    expect(process.env[NAME]).toBe('during')
    expect(process.env.SLUICE_LAMBDA_ENV_NEW).toBe('x')
    restore()
    expect(process.env[NAME]).toBe('before')
    expect('SLUICE_LAMBDA_ENV_NEW' in process.env).toBe(false)
  })

  test('restores correctly whatever order overlapping layers are removed in', () => {
    const restoreA = applyEnv({ [NAME]: 'a' })
    const restoreB = applyEnv({ [NAME]: 'b' })
    restoreA()
    expect(process.env[NAME]).toBe('b')
    restoreB()
    expect(process.env[NAME]).toBeUndefined()

    const restoreC = applyEnv({ [NAME]: 'c' })
    const restoreD = applyEnv({ [NAME]: 'd' })
    restoreD()
    expect(process.env[NAME]).toBe('c')
    restoreC()
    restoreC()
    expect(process.env[NAME]).toBeUndefined()
  })
})
