import { lambdaEnv } from '@sluice/testing'
import { SluiceRuntimeError } from './errors.ts'

/** What {@link ricEnv} needs to know about a container. */
export interface RicEnvInput {
  readonly functionName: string
  readonly memoryMb: number
  readonly region: string
  readonly handler: string
  readonly taskRoot: string
  readonly runtimeApi: string
  readonly logStreamName: string
  readonly tmpDir: string
  readonly logFormat: 'text' | 'json'
  /** Managed Instances mode: invocations in flight per environment (`AWS_LAMBDA_MAX_CONCURRENCY`). */
  readonly maxConcurrency?: number | undefined
  /** Runtime worker threads in Managed Instances mode (`AWS_LAMBDA_NODEJS_WORKER_COUNT`). Default 1. */
  readonly workers?: number | undefined
  /** User variables; reserved names throw `RESERVED_ENV_VARIABLE`. */
  readonly env: Readonly<Record<string, string>>
}

/** Variables the runtime sets itself; Lambda rejects them in a function's configuration too. */
export const RESERVED_ENV_VARIABLES: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_LAMBDA_MAX_CONCURRENCY',
  'AWS_LAMBDA_NODEJS_WORKER_COUNT',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  'TMPDIR',
])

/**
 * Throws `RESERVED_ENV_VARIABLE` when user variables name one the runtime sets.
 *
 * @example
 * assertNoReservedEnv({ TABLE_NAME: 'orders' }) // ok
 */
export function assertNoReservedEnv(env: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(env)) {
    if (RESERVED_ENV_VARIABLES.has(name)) {
      throw new SluiceRuntimeError(
        'RESERVED_ENV_VARIABLE',
        `${name} is set by the runtime itself, as in Lambda: remove it from env`,
      )
    }
  }
}

/**
 * The environment of a container: what Lambda sets, plus PATH and HOME from the parent and the user's
 * variables. Nothing else leaks from the parent process (no credentials, no NODE_OPTIONS).
 *
 * @example
 * spawn(process.execPath, [ric], { env: ricEnv({ functionName: 'hello', … }) })
 */
export function ricEnv(input: RicEnvInput): Record<string, string> {
  assertNoReservedEnv(input.env)
  const inherited: Record<string, string> = {}
  for (const name of ['PATH', 'HOME']) {
    const value = process.env[name]
    if (value !== undefined) inherited[name] = value
  }
  return {
    ...inherited,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    ...input.env,
    // The variables every Lambda environment has, shared with @sluice/testing's in-process containers.
    ...lambdaEnv({
      functionName: input.functionName,
      functionVersion: '$LATEST',
      memoryMb: input.memoryMb,
      region: input.region,
      logGroupName: `/aws/lambda/${input.functionName}`,
      logStreamName: input.logStreamName,
      initializationType: 'on-demand',
    }),
    _HANDLER: input.handler,
    LAMBDA_TASK_ROOT: input.taskRoot,
    AWS_LAMBDA_RUNTIME_API: input.runtimeApi,
    TMPDIR: input.tmpDir,
    ...(input.logFormat === 'json' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}),
    // Set in Managed Instances mode only; the worker count always, so results never depend on this machine's CPUs.
    ...(input.maxConcurrency === undefined
      ? {}
      : {
          AWS_LAMBDA_MAX_CONCURRENCY: String(input.maxConcurrency),
          AWS_LAMBDA_NODEJS_WORKER_COUNT: String(input.workers ?? 1),
        }),
  }
}
