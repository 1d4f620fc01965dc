import { afterEach, describe, expect, test } from 'vitest'
import { applyEnv, lambdaEnv } from './lambda-env.ts'

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

describe('lambdaEnv', () => {
  test('gives the variables a Node.js 24 Lambda environment has', () => {
    const env = lambdaEnv({
      functionName: 'orders',
      functionVersion: '$LATEST',
      memoryMb: 256,
      region: 'eu-west-1',
      logGroupName: '/aws/lambda/orders',
      logStreamName: '2025/01/01/[$LATEST]abc',
      initializationType: 'snap-start',
    })
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'snap-start',
      AWS_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    })
  })
})
