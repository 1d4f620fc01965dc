type EnvLayer = { values: Record<string, string> }

/** Layers applied and not yet restored, oldest first, and what each touched variable was before them. */
const layers: EnvLayer[] = []
const originals = new Map<string, string | undefined>()

/**
 * Sets environment variables as a layer over `process.env`; the returned function removes the layer.
 * Layers may be removed in any order: a variable then takes the value of the newest layer still
 * applied that sets it, or the value it had before any layer.
 *
 * @example
 * const restore = applyEnv({ AWS_REGION: 'eu-west-1' })
 * restore() // AWS_REGION is back to its old value, or unset again
 */
export function applyEnv(values: Record<string, string>): () => void {
  const layer: EnvLayer = { values: { ...values } }
  for (const [name, value] of Object.entries(layer.values)) {
    if (!originals.has(name)) originals.set(name, process.env[name])
    process.env[name] = value
  }
  layers.push(layer)
  return function restoreEnv() {
    const index = layers.indexOf(layer)
    if (index === -1) return
    layers.splice(index, 1)
    for (const name of Object.keys(layer.values)) {
      const newest = layers.findLast((remaining) => Object.hasOwn(remaining.values, name))
      setOrDelete(name, newest ? newest.values[name] : originals.get(name))
      if (!newest) originals.delete(name)
    }
  }
}

function setOrDelete(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/**
 * How an execution environment was started, as Lambda reports it in `AWS_LAMBDA_INITIALIZATION_TYPE`.
 *
 * @example
 * const type: InitializationType = 'provisioned-concurrency'
 */
export type InitializationType =
  | 'on-demand'
  | 'provisioned-concurrency'
  | 'snap-start'
  | 'lambda-managed-instances'

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
