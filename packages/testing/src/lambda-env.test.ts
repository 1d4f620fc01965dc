import { describe, expect, test } from 'vitest'
import { lambdaEnv } from './lambda-env.ts'

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
