import { lifecycleTracker, type Middleware } from '@sluice/core'
import type { Logger } from 'pino'
import { correlationIdOf } from './correlation-id.ts'
import { createLogger, type RootInfo, rootInfo } from './create-logger.ts'
import { LineBuffer } from './line-buffer.ts'
import { INVOCATION, type InvocationLines } from './line-router.ts'
import { type LoggerOptions, loggerSettings } from './logger-options.ts'
import { omitPaths } from './omit.ts'
import { xrayTraceId } from './trace-id.ts'

const DEBUG = 20
const LABELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
}

const infoOf = (root: Logger): RootInfo => {
  const info = rootInfo(root)
  if (info === undefined) throw new TypeError('root must be a logger made by createLogger()')
  return info
}

const finish = (log: Logger | undefined, info: RootInfo, failed: boolean): void => {
  const state = (log as (Logger & { [INVOCATION]?: InvocationLines }) | undefined)?.[INVOCATION]
  if (state === undefined || !state.open) return
  if (failed) info.router.flush(state)
  state.open = false
  state.buffer.take()
}

/**
 * Structured logs for every invocation: `context.log` is a pino child of the container's root logger, bound
 * to the request id, function name, version and memory, cold start, X-Ray trace id and a correlation id from
 * the event (rules in the README). Lines are written synchronously to stdout; with `sampleRate` a share of
 * invocations logs at debug; with `buffer` lines below the level are written only if the invocation fails.
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(logger({ service: 'orders', sampleRate: 0.01, buffer: true }))
 *   .handler(async (event, context) => {
 *     context.log.info({ count: event.Records.length }, 'batch received')
 *   })
 */
export const logger = (options: LoggerOptions = {}): Middleware<{ context: { log: Logger } }> => {
  const settings = loggerSettings(options)
  const extract = options.correlationId ?? correlationIdOf
  // One root per container, made when the first invocation needs it.
  let root = options.root
  let info = root === undefined ? undefined : infoOf(root)
  const track = lifecycleTracker()
  return {
    before: function loggerBefore(request) {
      if (root === undefined || info === undefined) {
        root = createLogger(options)
        info = infoOf(root)
      }
      if (settings.buffer) info.router.enableBuffering()
      const { context } = request
      const { coldStart } = track(context)
      const rootLevel = root.levelVal
      // silent means silent: neither sampling nor buffering turns lines back on.
      const live = Number.isFinite(rootLevel)
      const sampled = live && settings.sampleRate > 0 && settings.random() < settings.sampleRate
      const threshold = sampled ? Math.min(rootLevel, DEBUG) : rootLevel
      const capture = live && settings.buffer ? Math.min(settings.buffer.levelValue, threshold) : threshold
      const bindings = info.fields.invocation({
        context,
        coldStart,
        traceId: xrayTraceId(),
        correlationId: extract(request.event),
        sampleRate: settings.sampleRate,
        sampled,
      })
      const level = capture === rootLevel ? undefined : LABELS[capture]
      const log = level === undefined ? root.child(bindings) : root.child(bindings, { level })
      if (settings.buffer && capture < threshold) {
        const state: InvocationLines = {
          threshold,
          buffer: new LineBuffer(settings.buffer),
          log,
          open: true,
          draining: false,
        }
        Object.defineProperty(log, INVOCATION, { value: state })
      }
      context.log = log
      if (settings.logEvent) log.info({ event: omitPaths(request.event, settings.logEvent) }, 'event')
    },
    after: function loggerAfter(request) {
      const log = request.context.log
      if (log === undefined || info === undefined) return
      if (settings.logResponse)
        log.info({ response: omitPaths(request.response, settings.logResponse) }, 'response')
      finish(log, info, false)
    },
    onError: function loggerOnError(request) {
      if (info !== undefined) finish(request.context.log, info, true)
    },
  }
}
