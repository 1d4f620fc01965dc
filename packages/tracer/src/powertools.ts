import type { Tracer } from '@aws-lambda-powertools/tracer'
import { TracerError } from './errors.ts'

/** What configures the container's one Powertools Tracer. */
export interface PowertoolsSettings {
  readonly serviceName: string | undefined
  readonly captureHTTPsRequests: boolean | undefined
}

// One Powertools Tracer per container: it patches http, https and fetch globally when constructed, so a
// second instance would trace every request twice.
let settings: PowertoolsSettings | undefined
let loading: Promise<Tracer> | undefined
let instance: Tracer | undefined

const same = (a: PowertoolsSettings, b: PowertoolsSettings) =>
  a.serviceName === b.serviceName && a.captureHTTPsRequests === b.captureHTTPsRequests

/**
 * Records the settings of the container's tracer; a second, different call throws `TRACER_ALREADY_CONFIGURED`.
 *
 * @example
 * configurePowertools({ serviceName: 'orders', captureHTTPsRequests: undefined })
 */
export const configurePowertools = (next: PowertoolsSettings): void => {
  if (settings !== undefined && !same(settings, next)) {
    throw new TracerError(
      'TRACER_ALREADY_CONFIGURED',
      `tracer() was already configured with serviceName ${String(settings.serviceName)} in this container: ` +
        'create one tracer() at module scope and reuse it across handlers',
    )
  }
  settings = next
}

/**
 * Loads `@aws-lambda-powertools/tracer` (and the X-Ray SDK under it) on first call and constructs the
 * container's Tracer; later calls get the same promise. Only ever called when tracing is on.
 *
 * @example
 * const tracer = await loadPowertools()
 */
export const loadPowertools = (): Promise<Tracer> => {
  loading ??= import('@aws-lambda-powertools/tracer').then(
    (module) => {
      // Read at resolution time: the tracer() factory has run by then, even when a client was captured first.
      instance = new module.Tracer({
        ...(settings?.serviceName === undefined ? {} : { serviceName: settings.serviceName }),
        ...(settings?.captureHTTPsRequests === undefined
          ? {}
          : { captureHTTPsRequests: settings.captureHTTPsRequests }),
      })
      return instance
    },
    (error: unknown) => {
      throw new TracerError(
        'TRACER_UNAVAILABLE',
        'tracing is on but @aws-lambda-powertools/tracer could not be loaded: install it, or set POWERTOOLS_TRACE_ENABLED=false',
        { cause: error },
      )
    },
  )
  return loading
}

/** The loaded Tracer, or `undefined` while tracing is off or still loading. */
export const loadedPowertools = (): Tracer | undefined => instance
