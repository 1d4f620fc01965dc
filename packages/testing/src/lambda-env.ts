import type { InitializationType } from '@sluice/core'

/**
 * What the variables Lambda sets for a function are computed from.
 *
 * @example
 * const input: LambdaEnvInput = { functionName: 'orders', functionVersion: '$LATEST', memoryMb: 128, ... }
 */
export type LambdaEnvInput = {
  functionName: string
  functionVersion: string
  memoryMb: number
  region: string
  logGroupName: string
  logStreamName: string
  initializationType: InitializationType
}

/**
 * The environment variables Lambda sets in a Node.js 24 execution environment for these settings.
 *
 * @example
 * lambdaEnv({ functionName: 'orders', memoryMb: 256, ... }).AWS_LAMBDA_FUNCTION_MEMORY_SIZE // '256'
 */
export function lambdaEnv(input: LambdaEnvInput): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: input.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: input.functionVersion,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(input.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: input.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: input.initializationType,
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  }
}
