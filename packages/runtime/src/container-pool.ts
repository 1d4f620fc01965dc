import { SluiceRuntimeError } from './errors.ts'
import { type ContainerConfig, RicContainer } from './ric-container.ts'

/** Sizing of a {@link ContainerPool}. */
export interface PoolOptions {
  /** Most invocations in flight overall. */
  readonly concurrency: number
  /** Managed Instances mode: most invocations in flight per container. Unset: one at a time. */
  readonly maxConcurrency?: number | undefined
  readonly idleTimeoutMs: number
  /** First Runtime API port; container slot `i` listens on `port + i`. 0 picks free ports. */
  readonly port: number
}

interface Waiter {
  readonly tenant: string | undefined
  resolve(container: RicContainer): void
  reject(error: unknown): void
}

interface Live {
  readonly slot: number
  load: number
  lastUsed: number
  /** Set by the first lease: the tenant (or none) this container serves for the rest of its life. */
  bound?: { readonly tenant: string | undefined }
}

/**
 * Routes invocations to containers like Lambda: a warm container with room first (the busiest, then the most
 * recently used), a cold start while a container slot is free, a queue otherwise. At most `concurrency`
 * invocations are in flight, at most `maxConcurrency` (default 1) per container, so there are at most
 * ⌈concurrency / maxConcurrency⌉ containers. A container serves only the tenant of its first invocation; when
 * every slot is taken, an idle container of another tenant makes room. Dead containers are dropped; idle ones
 * expire.
 *
 * @example
 * const pool = new ContainerPool(config, { concurrency: 4, idleTimeoutMs: 60_000, port: 0 })
 * const result = await pool.run((container) => container.invoke(event, {}, requestId))
 */
export class ContainerPool {
  readonly #config: ContainerConfig
  readonly #options: PoolOptions
  readonly #perContainer: number
  readonly #live = new Map<RicContainer, Live>()
  readonly #idleTimers = new Map<RicContainer, NodeJS.Timeout>()
  readonly #freeSlots: number[]
  readonly #waiters: Waiter[] = []
  #inFlight = 0
  #clock = 0
  #stopped = false

  constructor(config: ContainerConfig, options: PoolOptions) {
    this.#config = config
    this.#options = options
    this.#perContainer = options.maxConcurrency ?? 1
    const slots = Math.ceil(options.concurrency / this.#perContainer)
    this.#freeSlots = Array.from({ length: slots }, (_, slot) => slot)
  }

  /** Containers alive now (initializing, idle or busy). */
  get containers(): RicContainer[] {
    return [...this.#live.keys()]
  }

  /** Leases a container of `tenant` (or of no tenant) for `work` and gives it back afterwards, dead or alive. */
  async run<T>(work: (container: RicContainer) => Promise<T>, tenant?: string): Promise<T> {
    const container = await this.#acquire(tenant)
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
    await Promise.all(this.containers.map((container) => container.kill()))
    this.#live.clear()
  }

  /** Synchronous last resort for process exit: SIGKILL every container's process group. */
  killAllNow(): void {
    for (const container of this.#live.keys()) container.killNow()
  }

  #acquire(tenant: string | undefined): Promise<RicContainer> {
    if (this.#stopped) return Promise.reject(stoppedError())
    return new Promise((resolve, reject) => {
      this.#waiters.push({ tenant, resolve, reject })
      this.#dispatch()
    })
  }

  /** Hands queued invocations to containers with room, or cold-starts, within both caps. */
  #dispatch(): void {
    while (!this.#stopped && this.#inFlight < this.#options.concurrency) {
      const waiter = this.#waiters[0]
      if (waiter === undefined) return
      const warm = this.#warmWithRoom(waiter.tenant)
      if (warm === undefined && this.#freeSlots.length === 0 && !this.#evictIdle(waiter.tenant)) return
      this.#waiters.shift()
      this.#inFlight += 1
      if (warm === undefined) this.#coldStart(waiter)
      else waiter.resolve(this.#lease(warm, waiter.tenant))
    }
  }

  /** Kills an idle container bound to another tenant, freeing its slot; false when there is none. */
  #evictIdle(tenant: string | undefined): boolean {
    for (const [container, live] of this.#live) {
      if (live.load === 0 && live.bound !== undefined && live.bound.tenant !== tenant) {
        clearTimeout(this.#idleTimers.get(container))
        this.#expire(container)
        return true
      }
    }
    return false
  }

  #warmWithRoom(tenant: string | undefined): RicContainer | undefined {
    let best: [RicContainer, Live] | undefined
    for (const [container, live] of this.#live) {
      if (container.state === 'dead' || live.load >= this.#perContainer) continue
      if (live.bound !== undefined && live.bound.tenant !== tenant) continue
      const better =
        best === undefined ||
        live.load > best[1].load ||
        (live.load === best[1].load && live.lastUsed > best[1].lastUsed)
      if (better) best = [container, live]
    }
    return best?.[0]
  }

  #lease(container: RicContainer, tenant: string | undefined): RicContainer {
    const live = this.#live.get(container)
    if (live !== undefined) {
      live.bound ??= { tenant }
      live.load += 1
      this.#clock += 1
      live.lastUsed = this.#clock
    }
    clearTimeout(this.#idleTimers.get(container))
    this.#idleTimers.delete(container)
    return container
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
        this.#live.set(container, { slot, load: 0, lastUsed: 0 })
        waiter.resolve(this.#lease(container, waiter.tenant))
        this.#dispatch()
      },
      (error: unknown) => {
        this.#inFlight -= 1
        this.#freeSlots.push(slot)
        waiter.reject(error)
        this.#dispatch()
      },
    )
  }

  #release(container: RicContainer): void {
    this.#inFlight -= 1
    if (this.#stopped) return
    const live = this.#live.get(container)
    if (live !== undefined) live.load -= 1
    if (container.state === 'dead') this.#forget(container)
    else if (live !== undefined && live.load === 0) this.#startIdleTimer(container)
    this.#dispatch()
  }

  #startIdleTimer(container: RicContainer): void {
    const timer = setTimeout(() => this.#expire(container), this.#options.idleTimeoutMs)
    timer.unref()
    this.#idleTimers.set(container, timer)
  }

  #expire(container: RicContainer): void {
    this.#idleTimers.delete(container)
    void container.kill()
    this.#forget(container)
  }

  #forget(container: RicContainer): void {
    const live = this.#live.get(container)
    if (live === undefined) return
    this.#live.delete(container)
    this.#freeSlots.push(live.slot)
  }
}

function stoppedError(): SluiceRuntimeError {
  return new SluiceRuntimeError('RUNTIME_STOPPED', 'the runtime was stopped: start a new one to invoke again')
}
