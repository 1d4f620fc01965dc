import { SluiceRuntimeError } from './errors.ts'
import { type ContainerConfig, RicContainer } from './ric-container.ts'

/** Sizing of a {@link ContainerPool}. */
export interface PoolOptions {
  readonly concurrency: number
  readonly idleTimeoutMs: number
  /** First Runtime API port; container slot `i` listens on `port + i`. 0 picks free ports. */
  readonly port: number
}

interface Waiter {
  resolve(container: RicContainer): void
  reject(error: unknown): void
}

/**
 * Routes invocations to containers like Lambda: a warm idle container first (most recently used), a cold
 * start while below `concurrency`, a queue otherwise. Dead containers are dropped; idle ones expire.
 *
 * @example
 * const pool = new ContainerPool(config, { concurrency: 4, idleTimeoutMs: 60_000, port: 0 })
 * const result = await pool.run((container) => container.invoke(event, {}, requestId))
 */
export class ContainerPool {
  readonly #config: ContainerConfig
  readonly #options: PoolOptions
  readonly #live = new Map<RicContainer, number>()
  readonly #idle: RicContainer[] = []
  readonly #idleTimers = new Map<RicContainer, NodeJS.Timeout>()
  readonly #freeSlots: number[]
  readonly #waiters: Waiter[] = []
  #stopped = false

  constructor(config: ContainerConfig, options: PoolOptions) {
    this.#config = config
    this.#options = options
    this.#freeSlots = Array.from({ length: options.concurrency }, (_, slot) => slot)
  }

  /** Containers alive now (initializing, idle or busy). */
  get containers(): RicContainer[] {
    return [...this.#live.keys()]
  }

  /** Leases a container for `work` and gives it back afterwards, dead or alive. */
  async run<T>(work: (container: RicContainer) => Promise<T>): Promise<T> {
    const container = await this.#acquire()
    try {
      return await work(container)
    } finally {
      this.#release(container)
    }
  }

  /** Kills every container and fails queued invocations with `RUNTIME_STOPPED`. */
  async stop(): Promise<void> {
    this.#stopped = true
    for (const waiter of this.#waiters.splice(0)) waiter.reject(stoppedError())
    for (const timer of this.#idleTimers.values()) clearTimeout(timer)
    this.#idleTimers.clear()
    this.#idle.length = 0
    await Promise.all(this.containers.map((container) => container.kill()))
    this.#live.clear()
  }

  /** Synchronous last resort for process exit: SIGKILL every container's process group. */
  killAllNow(): void {
    for (const container of this.#live.keys()) container.killNow()
  }

  #acquire(): Promise<RicContainer> {
    if (this.#stopped) return Promise.reject(stoppedError())
    const warm = this.#idle.pop()
    if (warm !== undefined) {
      clearTimeout(this.#idleTimers.get(warm))
      this.#idleTimers.delete(warm)
      return Promise.resolve(warm)
    }
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject }
      if (this.#freeSlots.length > 0) this.#coldStart(waiter)
      else this.#waiters.push(waiter)
    })
  }

  #coldStart(waiter: Waiter): void {
    const slot = this.#freeSlots.shift() ?? 0
    const port = this.#options.port === 0 ? 0 : this.#options.port + slot
    RicContainer.start(this.#config, port).then(
      (container) => {
        if (this.#stopped) {
          void container.kill()
          return waiter.reject(stoppedError())
        }
        this.#live.set(container, slot)
        waiter.resolve(container)
      },
      (error: unknown) => {
        this.#freeSlots.push(slot)
        waiter.reject(error)
      },
    )
  }

  #release(container: RicContainer): void {
    if (this.#stopped) return
    if (container.state === 'dead') {
      this.#forget(container)
      return
    }
    const waiter = this.#waiters.shift()
    if (waiter !== undefined) {
      waiter.resolve(container)
      return
    }
    this.#idle.push(container)
    const timer = setTimeout(() => this.#expire(container), this.#options.idleTimeoutMs)
    timer.unref()
    this.#idleTimers.set(container, timer)
  }

  #expire(container: RicContainer): void {
    this.#idleTimers.delete(container)
    const index = this.#idle.indexOf(container)
    if (index !== -1) this.#idle.splice(index, 1)
    void container.kill()
    this.#forget(container)
  }

  #forget(container: RicContainer): void {
    const slot = this.#live.get(container)
    if (slot === undefined) return
    this.#live.delete(container)
    this.#freeSlots.push(slot)
    const waiter = this.#waiters.shift()
    if (waiter !== undefined) this.#coldStart(waiter)
  }
}

function stoppedError(): SluiceRuntimeError {
  return new SluiceRuntimeError('RUNTIME_STOPPED', 'the runtime was stopped: start a new one to invoke again')
}
