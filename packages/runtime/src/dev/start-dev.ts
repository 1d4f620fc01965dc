import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import type { EventSource } from '../event-sources/source-types.ts'
import type { HttpFrontDoor } from '../http/front-door.ts'
import { type ControlServer, startControlServer } from './control-server.ts'
import type { DevConfig } from './dev-config.ts'
import { startDevFunction } from './dev-function.ts'
import type { DevLine } from './dev-line.ts'
import { writeDevState } from './dev-state.ts'
import type { FunctionTarget } from './function-target.ts'
import { planSources, type RoutePlan } from './plan-sources.ts'
import {
  FRONT_DOOR,
  type FrontDoorFactory,
  SOURCE_FACTORIES,
  type SourceFactories,
  type SourceFactory,
} from './source-factories.ts'
import { validateConfig } from './validate-config.ts'

/** Options of {@link startDev}; the CLI's flags map onto them. */
export interface DevOptions {
  /** Where handlers are resolved (the config file's folder). Default `process.cwd()`. */
  readonly cwd?: string
  /** Lambda seconds per real second for every source. Default the config's `timeScale`, else 1. */
  readonly timeScale?: number
  /** Port of the HTTP front door. Default the config's `port`, else 3000. */
  readonly port?: number
  /** Port of the control endpoint. Default 0: a free one. */
  readonly controlPort?: number
  /** Where to write the control endpoint for `sluice send` (`.sluice/dev.json`); false writes nothing (default). */
  readonly stateFile?: string | false
  /** Told of every invocation, batch, fate step and reload. */
  readonly onLine?: (line: DevLine) => void
  /** Reload a function when its files change. Default true. */
  readonly watch?: boolean
  /** Source factories by kind. Default the built-in ones. */
  readonly factories?: SourceFactories
  /** The HTTP front door. Default the built-in one. */
  readonly frontDoor?: FrontDoorFactory
}

/** A running `sluice dev`. */
export interface DevServer extends AsyncDisposable {
  /** By the name `sluice send` takes: queue and stream names, `<function>:s3`, `<function>:async`… */
  readonly sources: ReadonlyMap<string, EventSource>
  readonly functions: ReadonlyMap<string, FunctionTarget>
  /** The HTTP front door, when a function has http events: its url and routes. */
  readonly http?: Pick<HttpFrontDoor, 'url' | 'routes'>
  readonly control: { readonly url: string }
  /** Lambda seconds per real second every source runs at: the option's, else the config's, else 1. */
  readonly timeScale: number
  /** Stops sources, the front door, the control endpoint, watchers and runtimes (after in-flight invocations). */
  stop(): Promise<void>
}

/**
 * Starts every function of `config` (one local runtime each, reloaded on edits), their event sources and HTTP
 * front door, and the control endpoint. A config error throws `DEV_CONFIG_INVALID` naming the path; a source's
 * option error keeps its code with the path in front. Whatever started before an error is stopped again.
 *
 * @example
 * await using dev = await startDev(config, { cwd: 'examples/sqs-orders', timeScale: 100 })
 * await dev.sources.get('orders')?.send([{ body: '{"id":"o-1"}' }])
 */
export async function startDev(config: DevConfig, options: DevOptions = {}): Promise<DevServer> {
  const checked = validateConfig(config)
  const cwd = options.cwd ?? process.cwd()
  const timeScale = options.timeScale ?? checked.timeScale ?? 1
  const onLine = options.onLine ?? (() => {})
  const cleanup: Array<() => unknown> = []
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      for (const step of cleanup.splice(0).reverse()) await Promise.resolve(step()).catch(() => {})
    })()
    return stopping
  }
  try {
    const functions = new Map<string, FunctionTarget>()
    for (const [name, fn] of Object.entries(checked.functions)) {
      const started = await startDevFunction(name, fn, { cwd, onLine, watch: options.watch ?? true })
      cleanup.push(() => started.stop())
      functions.set(name, started.target)
    }
    const plan = planSources(checked)
    const sources = new Map<string, EventSource>()
    for (const { name, kind, functionName, path, options: sourceOptions } of plan.sources) {
      const factory = (options.factories ?? SOURCE_FACTORIES)[kind]
      if (factory === undefined)
        throw new SluiceRuntimeError('DEV_CONFIG_INVALID', `${path}: ${kind} sources are not available yet`)
      const target = functions.get(functionName)
      if (target === undefined) continue
      const source = await create(factory, path, { ...sourceOptions, function: target, name, timeScale })
      cleanup.push(() => source.stop())
      cleanup.push(source.onActivity((activity) => onLine({ kind: 'activity', activity })))
      sources.set(name, source)
    }
    const http = await frontDoor(plan.routes, functions, options.frontDoor ?? FRONT_DOOR, {
      port: options.port ?? checked.port ?? 3000,
    })
    if (http !== undefined) {
      cleanup.push(() => http.stop())
      cleanup.push(http.onRequest((request) => onLine({ kind: 'request', request })))
    }
    const control: ControlServer = await startControlServer(sources, options.controlPort ?? 0)
    cleanup.push(() => control.stop())
    if (options.stateFile !== undefined && options.stateFile !== false) {
      const state = { url: control.url, pid: process.pid, sources: [...sources.keys()] }
      cleanup.push(
        await writeDevState(options.stateFile, http === undefined ? state : { ...state, http: http.url }),
      )
    }
    return {
      sources,
      functions,
      ...(http === undefined ? {} : { http: { url: http.url, routes: http.routes } }),
      control: { url: control.url },
      timeScale,
      stop,
      [Symbol.asyncDispose]: stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function create(
  factory: SourceFactory,
  path: string,
  options: Parameters<SourceFactory>[0],
): Promise<EventSource> {
  try {
    return await factory(options)
  } catch (error) {
    if (!(error instanceof SluiceRuntimeError)) throw error
    throw new SluiceRuntimeError(error.code, `${path}: ${errorMessage(error)}`, { cause: error })
  }
}

async function frontDoor(
  routes: readonly RoutePlan[],
  functions: ReadonlyMap<string, FunctionTarget>,
  factory: FrontDoorFactory,
  options: { readonly port: number },
) {
  if (routes.length === 0) return undefined
  const targets = routes.flatMap(({ functionName, options: route }) => {
    const target = functions.get(functionName)
    return target === undefined ? [] : [{ function: target, options: route }]
  })
  try {
    return await factory(targets, options)
  } catch (error) {
    // The front door names `routes[i]`; the user wrote `functions.<name>.events[j].http`.
    if (!(error instanceof SluiceRuntimeError) || error.code !== 'HTTP_ROUTE_INVALID') throw error
    const message = error.message.replace(
      /^routes\[(\d+)\]/,
      (_, index) => routes[Number(index)]?.path ?? 'http',
    )
    throw new SluiceRuntimeError(error.code, message, { cause: error })
  }
}
