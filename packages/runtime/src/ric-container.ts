import { rmSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type RuntimeProcess, spawnRuntimeProcess } from './container-process.ts'
import type { Prices } from './cost.ts'
import type { HandlerSpec } from './handler-spec.ts'
import { logStreamName, newEnvironmentId } from './ids.ts'
import type { InvocationResult, InvokeOptions } from './invocation.ts'
import { exitError, initTimeoutError, type LambdaErrorBody } from './platform-errors.ts'
import { ricEnv } from './ric-env.ts'
import { runInvocation } from './run-invocation.ts'
import { RuntimeApiServer } from './runtime-api-server.ts'
import type { StreamLimits } from './stream-limits.ts'
import { writeTaskRoot } from './task-root.ts'

/** Everything a container needs; the same for every container of a function. */
export interface ContainerConfig {
  readonly spec: HandlerSpec
  readonly functionName: string
  readonly functionArn: string
  readonly memoryMb: number
  readonly timeoutMs: number
  readonly initTimeoutMs: number
  readonly region: string
  readonly env: Readonly<Record<string, string>>
  readonly cwd: string
  readonly logFormat: 'text' | 'json'
  readonly prices: Prices
  /** Managed Instances mode when set: invocations in flight per container (`AWS_LAMBDA_MAX_CONCURRENCY`). */
  readonly maxConcurrency?: number
  /** Runtime worker threads in Managed Instances mode (`AWS_LAMBDA_NODEJS_WORKER_COUNT`, default 1). */
  readonly workers?: number
  /** Parent of the container's private dir (task root and /tmp). */
  readonly baseDir: string
  /** Limits on streamed responses; Lambda's (200 MB, 2 MB/s after 6 MB) unless a test lowers them. */
  readonly streamLimits?: StreamLimits
}

/** Lifecycle state of a container. */
export type ContainerState = 'initializing' | 'idle' | 'busy' | 'dead'

/** A snapshot of one container, for `runtime.containers`. */
export interface ContainerInfo {
  readonly id: string
  readonly pid: number | undefined
  readonly state: ContainerState
  readonly invocations: number
  /** Invocations in flight now, and the most at once so far (above 1 only in Managed Instances mode). */
  readonly inFlight: number
  readonly peakConcurrency: number
  readonly tmpDir: string
  readonly runtimeApi: string
  readonly initDurationMs?: number
}

/** How init ended: ready, or the error Lambda would report (without the RequestId prefix yet). */
type InitOutcome = { ok: true } | { ok: false; error: (requestId: string) => LambdaErrorBody }

/**
 * One execution environment: a private task root and /tmp, a Runtime API server, and the real RIC in a child
 * process. Runs one invocation at a time, or up to `maxConcurrency` at once in Managed Instances mode; a
 * timeout, crash or init error leaves it `dead`.
 *
 * @example
 * const container = await RicContainer.start(config, 0)
 * const first = await container.invoke({ name: 'a' }) // cold
 * const second = await container.invoke({ name: 'b' }) // warm
 * await container.kill()
 */
export class RicContainer {
  readonly id: string
  readonly config: ContainerConfig
  readonly tmpDir: string
  readonly #dir: string
  #api!: RuntimeApiServer
  #process!: RuntimeProcess
  #state: ContainerState = 'initializing'
  #invocations = 0
  #initDurationMs: number | undefined
  #init!: Promise<InitOutcome>
  readonly #onDelivered = new Map<string, () => void>()
  readonly #inFlight = new Set<string>()
  #peakConcurrency = 0
  #killed: Promise<void> | undefined

  private constructor(config: ContainerConfig, environmentId: string) {
    this.config = config
    this.id = environmentId.slice(0, 8)
    this.#dir = join(config.baseDir, this.id)
    this.tmpDir = join(this.#dir, 'tmp')
  }

  /** Creates the dirs, binds the Runtime API on `port` (0: any) and starts the runtime (a cold start). */
  static async start(config: ContainerConfig, port: number): Promise<RicContainer> {
    const environmentId = newEnvironmentId()
    const container = new RicContainer(config, environmentId)
    try {
      await container.#boot(environmentId, port)
    } catch (error) {
      await container.kill()
      throw error
    }
    return container
  }

  get state(): ContainerState {
    return this.#state
  }

  /** Snapshot for diagnostics and tests. */
  info(): ContainerInfo {
    return {
      id: this.id,
      pid: this.#process?.pid,
      state: this.#state,
      invocations: this.#invocations,
      inFlight: this.#inFlight.size,
      peakConcurrency: this.#peakConcurrency,
      tmpDir: this.tmpDir,
      runtimeApi: this.#api?.runtimeApi ?? '',
      ...(this.#initDurationMs === undefined ? {} : { initDurationMs: this.#initDurationMs }),
    }
  }

  /** Invocations in flight now. */
  get inFlight(): number {
    return this.#inFlight.size
  }

  /**
   * Runs one invocation; waits for init on a cold start. Never rejects for function failures. Several may run at
   * once in Managed Instances mode; their log lines are told apart by request id.
   */
  async invoke(event: unknown, options: InvokeOptions, requestId: string): Promise<InvocationResult> {
    this.#state = 'busy'
    this.#inFlight.add(requestId)
    const concurrency = this.#inFlight.size
    this.#peakConcurrency = Math.max(this.#peakConcurrency, concurrency)
    try {
      const tenant = options.tenantId === undefined ? {} : { tenantId: options.tenantId }
      return { ...(await this.#run(event, options, requestId)), concurrency, ...tenant }
    } finally {
      this.#inFlight.delete(requestId)
      this.#onDelivered.delete(requestId)
    }
  }

  async #run(
    event: unknown,
    options: InvokeOptions,
    requestId: string,
  ): Promise<Omit<InvocationResult, 'concurrency'>> {
    const init = await this.#init
    const coldStart = this.#invocations === 0
    this.#invocations += 1
    const result = await runInvocation({
      container: this,
      api: this.#api,
      process: this.#process,
      init,
      initDurationMs: coldStart ? this.#initDurationMs : undefined,
      coldStart,
      event,
      options,
      requestId,
      onDelivered: (listener) => {
        this.#onDelivered.set(requestId, listener)
      },
      ownsLine: (line) => this.#ownsLine(line, requestId),
    })
    if (this.#state !== 'dead' && !this.#process.alive()) this.#state = 'dead'
    if (this.#state === 'busy' && this.#inFlight.size === 1) this.#state = 'idle'
    if (this.#state === 'dead') await this.kill()
    return result
  }

  /** A line is the invocation's when it carries its request id, or no id of another invocation in flight. */
  #ownsLine(line: string, requestId: string): boolean {
    if (line.includes(requestId)) return true
    for (const other of this.#inFlight) if (other !== requestId && line.includes(other)) return false
    return true
  }

  /** SIGKILLs the process group, closes the server and removes the container's dirs. Idempotent. */
  kill(): Promise<void> {
    this.#state = 'dead'
    this.#killed ??= this.#teardown()
    return this.#killed
  }

  /** Synchronous SIGKILL and cleanup, for process exit handlers where nothing async runs. */
  killNow(): void {
    this.#state = 'dead'
    this.#process?.kill()
    rmSync(this.#dir, { recursive: true, force: true })
  }

  async #teardown(): Promise<void> {
    this.#process?.kill()
    await this.#process?.exited
    this.#process?.kill()
    await this.#api?.close()
    await rm(this.#dir, { recursive: true, force: true })
  }

  async #boot(environmentId: string, port: number): Promise<void> {
    const { config } = this
    await mkdir(this.tmpDir, { recursive: true })
    const handler = await writeTaskRoot(join(this.#dir, 'task'), config.spec)
    let settleInit: (outcome: InitOutcome) => void = () => {}
    this.#init = new Promise((resolve) => {
      settleInit = resolve
    })
    this.#api = await RuntimeApiServer.listen(
      port,
      {
        onNext: () => {
          if (this.#initDurationMs !== undefined) return
          this.#initDurationMs = performance.now() - startedAt
          if (this.#state === 'initializing') this.#state = 'idle'
          settleInit({ ok: true })
        },
        onDelivered: (requestId) => this.#onDelivered.get(requestId)?.(),
        onInitError: (error) => {
          this.#initDurationMs = performance.now() - startedAt
          settleInit({ ok: false, error: () => error })
        },
      },
      config.streamLimits,
    )
    const env = ricEnv({
      ...config,
      handler,
      taskRoot: join(this.#dir, 'task'),
      runtimeApi: this.#api.runtimeApi,
      logStreamName: logStreamName(environmentId),
      tmpDir: this.tmpDir,
    })
    const startedAt = performance.now()
    this.#process = spawnRuntimeProcess({ cwd: config.cwd, env, handlerFile: config.spec.file })
    const initTimer = setTimeout(() => {
      this.#initDurationMs = config.initTimeoutMs
      settleInit({ ok: false, error: () => initTimeoutError(config.initTimeoutMs) })
      this.#process.kill()
    }, config.initTimeoutMs)
    void this.#process.exited.then(({ code, signal }) => {
      clearTimeout(initTimer)
      this.#initDurationMs ??= performance.now() - startedAt
      settleInit({ ok: false, error: (requestId) => exitError(requestId, code, signal) })
    })
    void this.#init.then(() => clearTimeout(initTimer))
  }
}
