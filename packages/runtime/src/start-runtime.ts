import { rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ContainerPool } from './container-pool.ts'
import { DEFAULT_PRICES, type Prices } from './cost.ts'
import { type HandlerSpec, parseHandlerSpec } from './handler-spec.ts'
import { newRequestId } from './ids.ts'
import type { InvocationResult, InvokeOptions } from './invocation.ts'
import type { ContainerConfig, ContainerInfo } from './ric-container.ts'
import { assertNoReservedEnv } from './ric-env.ts'
import { checkTenantId, resolveRuntimeOptions } from './runtime-options.ts'
import { resolveStreamLimits, type StreamLimits } from './stream-limits.ts'

/** Options of {@link startRuntime}; everything but `handler` has a Lambda-like default. */
export interface RuntimeOptions {
  /** `path/to/file.ts#export` (or .js/.mjs), relative to `cwd`. */
  readonly handler: string
  /** Memory Size in MB, reported and billed (not enforced). Default 128. */
  readonly memoryMb?: number
  /** Function timeout in ms. Default 3000. */
  readonly timeoutMs?: number
  /** Most invocations in flight at once (so containers, one invocation each, unless `maxConcurrency`). Default 1. */
  readonly concurrency?: number
  /**
   * Managed Instances mode: each container runs up to this many invocations at once (`AWS_LAMBDA_MAX_CONCURRENCY`),
   * so ⌈concurrency / maxConcurrency⌉ containers. Unset: one invocation per container at a time.
   */
  readonly maxConcurrency?: number | undefined
  /** Runtime worker threads per container in Managed Instances mode (`AWS_LAMBDA_NODEJS_WORKER_COUNT`). Default 1. */
  readonly workers?: number | undefined
  /** User environment variables. */
  readonly env?: Readonly<Record<string, string>>
  /** An idle container is killed after this long. Default 300000 (5 min). */
  readonly idleTimeoutMs?: number
  /** Init phase limit in ms. Default 10000, as in Lambda. */
  readonly initTimeoutMs?: number
  /** Default: the handler file's base name. */
  readonly functionName?: string
  /** Default `us-east-1`. */
  readonly region?: string
  /** Prices for the cost estimate. Default us-east-1 x86_64 list prices. */
  readonly prices?: Partial<Prices>
  /** First Runtime API port (container slot i uses port + i). Default 0: free ports. */
  readonly port?: number
  /** Working directory of the function and base of `handler`. Default `process.cwd()`. */
  readonly cwd?: string
  /** `text` (Lambda's default) or `json` (AWS_LAMBDA_LOG_FORMAT=JSON). Default `text`. */
  readonly logFormat?: 'text' | 'json'
  /**
   * Internal, for tests: lower limits on streamed responses so they show with kilobytes. Default Lambda's:
   * 200 MB per response, 6 MB at full speed, then 2 MB/s.
   */
  readonly streamLimits?: Partial<StreamLimits>
}

/** A local Lambda function: invoke it, inspect its containers, stop it. */
export interface Runtime extends AsyncDisposable {
  readonly handler: HandlerSpec
  /** The resolved configuration every container shares. */
  readonly config: ContainerConfig
  /** Runs one invocation, cold or warm; resolves with Lambda's result or error, never rejects for those. */
  invoke(event?: unknown, options?: InvokeOptions): Promise<InvocationResult>
  /** Live containers now. */
  readonly containers: readonly ContainerInfo[]
  /** Kills every container process and removes their temp dirs. */
  stop(): Promise<void>
}

/**
 * Starts a local Lambda for `handler`: containers running the real `aws-lambda-ric` against a Runtime API
 * on 127.0.0.1. Nothing runs until the first invoke (the cold start).
 *
 * @example
 * await using rt = await startRuntime({ handler: 'examples/hello/handler.ts#handler', timeoutMs: 1000 })
 * const { result, report, logs } = await rt.invoke({ name: 'Ada' })
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const resolved = resolveRuntimeOptions(options)
  const cwd = options.cwd ?? process.cwd()
  const spec = parseHandlerSpec(options.handler, cwd)
  const env = options.env ?? {}
  assertNoReservedEnv(env)
  const functionName = options.functionName ?? spec.moduleName
  const baseDir = join(tmpdir(), `sluice-runtime-${process.pid}`)
  const config: ContainerConfig = {
    spec,
    functionName,
    functionArn: `arn:aws:lambda:${resolved.region}:123456789012:function:${functionName}`,
    memoryMb: resolved.memoryMb,
    timeoutMs: resolved.timeoutMs,
    initTimeoutMs: resolved.initTimeoutMs,
    region: resolved.region,
    env,
    cwd,
    logFormat: options.logFormat ?? 'text',
    prices: { ...DEFAULT_PRICES, ...options.prices },
    baseDir,
    streamLimits: resolveStreamLimits(options.streamLimits),
    ...(resolved.maxConcurrency === undefined
      ? {}
      : { maxConcurrency: resolved.maxConcurrency, workers: resolved.workers ?? 1 }),
  }
  const pool = new ContainerPool(config, resolved)
  const killOnExit = () => pool.killAllNow()
  process.on('exit', killOnExit)
  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= pool.stop().then(async () => {
      process.off('exit', killOnExit)
      await rmdir(baseDir).catch(() => {})
    })
    return stopped
  }
  return {
    handler: spec,
    config,
    invoke: async (event, invokeOptions = {}) => {
      const requestId = invokeOptions.requestId ?? newRequestId()
      checkTenantId(invokeOptions.tenantId)
      return pool.run(
        (container) => container.invoke(event, invokeOptions, requestId),
        invokeOptions.tenantId,
      )
    },
    get containers() {
      return pool.containers.map((container) => container.info())
    },
    stop,
    [Symbol.asyncDispose]: stop,
  }
}
