import { currentInvocation, deadlineOf, lifecycleTracker, type Middleware, watchErrors } from '@sluice/core'
import { correlationIdOf } from './correlation-id.ts'
import { createLogger, type RootInfo, rootInfo } from './create-logger.ts'
import { attempt, capField } from './field-cap.ts'
import { markBound, rememberInvocation, tenantOf } from './invocation-fields.ts'
import { close, isErrorResponse, openLines, release } from './invocation-lines.ts'
import { INVOCATION, type InvocationLines } from './line-router.ts'
import { type LoggerOptions, loggerSettings } from './logger-options.ts'
import type { Logger } from './logger-type.ts'
import { omitPaths } from './omit.ts'
import { PLACEHOLDERS } from './safe-value.ts'
import { xrayTraceId } from './trace-id.ts'

const DEBUG = 20
const LABELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
}

/**
 * The `logger()` middleware, plus `flush()` for the timeout guard's `flush` option.
 *
 * @example
 * const log: LoggerMiddleware = logger({ buffer: true })
 * const guard = timeout({ flush: [log.flush] })
 */
export type LoggerMiddleware = Middleware<{ context: { log: Logger } }> & {
  /**
   * Writes the lines the current invocation holds (with `buffer`): called inside an invocation, its own only, so
   * an invocation that times out never writes another's; called outside any, those of every invocation of this
   * middleware still in flight. Meant for `timeout({ flush: [log.flush] })`; `context.log.flush()` is the same
   * for one invocation.
   */
  flush(): void
}

// Far more than any host runs at once; bounds what invocations without a deadline can leave behind.
const MAX_IN_FLIGHT = 1024

const infoOf = (root: Logger): RootInfo => {
  const info = rootInfo(root)
  if (info === undefined) throw new TypeError('root must be a logger made by createLogger()')
  return info
}

const linesOf = (log: Logger | undefined): InvocationLines | undefined =>
  (log as (Logger & { [INVOCATION]?: InvocationLines }) | undefined)?.[INVOCATION]

// An event whose shape cannot even be read (a revoked Proxy) is logged as a placeholder, never thrown over.
const payloadOf = (value: unknown, omit: Parameters<typeof omitPaths>[1]): unknown => {
  try {
    return omitPaths(value, omit)
  } catch {
    return PLACEHOLDERS.unreadable
  }
}

// Core's deadline; a getRemainingTimeInMillis that throws (a hand-made context) means no deadline, never a failure.
const deadlineFor = (context: { getRemainingTimeInMillis?: () => number }): number =>
  attempt(() => deadlineOf(context)) ?? Number.POSITIVE_INFINITY

/** An invocation still buffering: until when it can run, and whose it is. */
interface Buffering {
  readonly deadline: number
  readonly requestId: string
}

/**
 * Structured logs for every invocation: `context.log` is a pino child of the container's root logger, bound
 * to the request id, function name, version and memory, cold start, X-Ray trace id, tenant id and a correlation id
 * from the event (rules in the README). Lines are written synchronously to stdout; with `sampleRate` a share of
 * invocations logs at debug; with `buffer` lines below the level are written only if the invocation fails
 * (an error reached the chain, the response has `statusCode` ≥ 500, or the timeout guard fired).
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(logger({ service: 'orders', sampleRate: 0.01, buffer: true }))
 *   .handler(async (event, context) => {
 *     context.log.info({ count: event.Records.length }, 'batch received')
 *   })
 */
export const logger = (options: LoggerOptions = {}): LoggerMiddleware => {
  const settings = loggerSettings(options)
  const extract = options.correlationId ?? correlationIdOf
  // One root per container, made when the first invocation needs it.
  let root = options.root
  let info = root === undefined ? undefined : infoOf(root)
  const track = lifecycleTracker()
  // Invocations still buffering, with their deadlines: what flush() writes. Past its deadline an invocation
  // is over (Lambda stopped it), so entries a skipped after/onError left behind are dropped then.
  const inFlight = new Map<InvocationLines, Buffering>()
  return {
    before: function loggerBefore(request) {
      if (root === undefined || info === undefined) {
        root = createLogger(options)
        info = infoOf(root)
      }
      const { router, fields, maxFieldLength } = info
      if (settings.buffer) router.enableBuffering()
      const { context } = request
      const { coldStart } = track(context)
      const rootLevel = root.levelVal
      // silent means silent: neither sampling nor buffering turns lines back on.
      const live = Number.isFinite(rootLevel)
      const sampled = live && settings.sampleRate > 0 && settings.random() < settings.sampleRate
      const threshold = sampled ? Math.min(rootLevel, DEBUG) : rootLevel
      const capture = live && settings.buffer ? Math.min(settings.buffer.levelValue, threshold) : threshold
      const facts = {
        context,
        coldStart,
        traceId: capField(xrayTraceId(), maxFieldLength),
        correlationId: capField(
          attempt(() => extract(request.event)),
          maxFieldLength,
        ),
        tenantId: capField(
          attempt(() => tenantOf(context)),
          maxFieldLength,
        ),
        sampleRate: settings.sampleRate,
        sampled,
      }
      rememberInvocation(context, facts)
      const bindings = fields.invocation(facts)
      const level = capture === rootLevel ? undefined : LABELS[capture]
      const log = level === undefined ? root.child(bindings) : root.child(bindings, { level })
      markBound(log)
      if (settings.buffer && capture < threshold) {
        const state = openLines(log, router, settings.buffer, threshold, context)
        const now = Date.now()
        for (const [open, { deadline }] of inFlight) if (!open.open || deadline < now) inFlight.delete(open)
        if (inFlight.size >= MAX_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value as InvocationLines)
        inFlight.set(state, { deadline: deadlineFor(context), requestId: context.awsRequestId })
        watchErrors(request, () => release(router, state))
      }
      context.log = log
      if (settings.logEvent) log.info({ event: payloadOf(request.event, settings.logEvent) }, 'event')
    },
    after: function loggerAfter(request) {
      const log = request.context.log
      if (log === undefined || info === undefined) return
      if (settings.logResponse)
        log.info({ response: payloadOf(request.response, settings.logResponse) }, 'response')
      const state = linesOf(log)
      if (state === undefined) return
      close(info.router, state, isErrorResponse(request.response))
      inFlight.delete(state)
    },
    onError: function loggerOnError(request) {
      const state = linesOf(request.context.log)
      if (state === undefined || info === undefined) return
      close(info.router, state, true)
      inFlight.delete(state)
    },
    flush: function loggerFlush() {
      if (info === undefined) return
      const current = currentInvocation()?.requestId
      for (const [state, { requestId }] of inFlight) {
        if (current === undefined || requestId === current) info.router.drain(state)
      }
    },
  }
}
