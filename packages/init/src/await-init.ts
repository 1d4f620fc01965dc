import { type Clock, type InitializationType, initializationType, type Middleware } from '@sluice/core'
import type { FetchTiming } from './cached.ts'
import { monotonicClock } from './clock.ts'
import { checkFunction, checkMs, InitError } from './errors.ts'
import { emitInitWarning, initWarnings, type WarnFn } from './warnings.ts'

/** What `awaitInit()` can wait for: a `cached()` or `once()` accessor, or any function giving a value or a promise. */
export type InitSource = () => unknown

/** The values of the sources, by the names they were given under `caches`. */
export type InitValues<TCaches extends Record<string, InitSource>> = {
  readonly [K in keyof TCaches]: Awaited<ReturnType<TCaches[K]>>
}

/** How long INIT and the fetches took, on `context.initTimings`, ready to log. */
export interface InitTimings<TName extends string = string> {
  /** `AWS_LAMBDA_INITIALIZATION_TYPE` (`on-demand` when unset). */
  readonly initializationType: InitializationType
  /**
   * ms from process start to the first invocation of this container: INIT (plus the runtime's start-up) when
   * on demand; under provisioned concurrency or SnapStart it also holds the time spent waiting for traffic.
   */
  readonly initMs: number
  /** ms this invocation waited for the sources (0-ish when warm). */
  readonly waitedMs: number
  /** The last finished fetch of each `cached()` source (sources without timings are absent). */
  readonly fetches: { readonly [K in TName]?: FetchTiming }
}

/** Options of {@link awaitInit}. */
export interface AwaitInitOptions<TCaches extends Record<string, InitSource>> {
  /** The sources to wait for before the handler, by the names the handler reads them under. */
  readonly caches: TCaches
  /** Where warnings go. Default `process.emitWarning`. */
  readonly warn?: WarnFn
  /** Warn when INIT took this long or longer, in ms. Default 8000 (Lambda stops INIT at 10 s). */
  readonly warnInitMs?: number
  /** Time source. Default the monotonic `performance` clock. */
  readonly clock?: Pick<Clock, 'now'>
  /** Epoch ms the process started, on `clock`'s scale. Default `performance.timeOrigin`. */
  readonly processStartMs?: number
}

/** What {@link awaitInit} adds to the context. */
export type AwaitInitContext<TCaches extends Record<string, InitSource>> = {
  init: InitValues<TCaches>
  initTimings: InitTimings<Extract<keyof TCaches, string>>
}

const timingOf = (source: InitSource): FetchTiming | undefined =>
  'lastFetch' in source ? (source.lastFetch as FetchTiming | undefined) : undefined

/**
 * Waits for the chosen `cached()` / `once()` sources before the handler and hands their values over, typed, on
 * `context.init`; records on `context.initTimings` how long INIT and each fetch took. On the first invocation it
 * warns (once per container) when INIT neared Lambda's 10 s limit, or when the environment was initialised ahead
 * of traffic (provisioned concurrency, SnapStart). A failed source fails the invocation with its `InitError`.
 *
 * @example
 * const config = ssmParameters(['/app/table'], { ttlMs: 300_000 })
 * export const handler = lambda()
 *   .use(awaitInit({ caches: { config } }))
 *   .handler(async (event, context) => context.init.config['/app/table'])
 */
export const awaitInit = <TCaches extends Record<string, InitSource>>({
  caches,
  warn = emitInitWarning,
  warnInitMs = 8000,
  clock = monotonicClock,
  processStartMs = performance.timeOrigin,
}: AwaitInitOptions<TCaches>): Middleware<{ context: AwaitInitContext<TCaches> }> => {
  if (typeof caches !== 'object' || caches === null) {
    throw new InitError('awaitInit() needs { caches: { name: accessor } }', {
      code: 'INIT_INVALID_OPTION',
      path: ['caches'],
    })
  }
  const names = Object.keys(caches)
  for (const name of names) checkFunction(`caches.${name}`, caches[name])
  checkFunction('warn', warn)
  checkMs('warnInitMs', warnInitMs, { positive: true })
  let initMs: number | undefined

  function firstInvocation(now: number): number {
    const ms = now - processStartMs
    const type = initializationType()
    for (const { message, code } of initWarnings({ initializationType: type, initMs: ms, warnInitMs })) {
      warn(message, code)
    }
    return ms
  }

  return {
    before: async function awaitInitBefore(request) {
      const began = clock.now()
      initMs ??= firstInvocation(began)
      const values = await Promise.all(names.map((name) => (caches[name] as InitSource)()))
      const init: Record<string, unknown> = {}
      const fetches: Record<string, FetchTiming> = {}
      names.forEach((name, index) => {
        init[name] = values[index]
        const timing = timingOf(caches[name] as InitSource)
        if (timing !== undefined) fetches[name] = timing
      })
      const waitedMs = clock.now() - began
      // The record types are built key by key from `caches`, which the static types describe.
      request.context.init = init as InitValues<TCaches>
      request.context.initTimings = { initializationType: initializationType(), initMs, waitedMs, fetches }
    },
  }
}
