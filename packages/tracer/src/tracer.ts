import type { Tracer } from '@aws-lambda-powertools/tracer'
import {
  currentTraceHeader,
  type Lifecycle,
  lifecycleTracker,
  type Middleware,
  type MiddlewareRequest,
  multiConcurrent,
  optionChecks,
  requestSlot,
  watchErrors,
} from '@sluice/core'
import { boundedError, boundedMetadata, DEFAULT_MAX_METADATA_BYTES } from './bounded.ts'
import { tracingEnabled } from './enabled.ts'
import { TracerError } from './errors.ts'
import { openHandlerSegment, type XraySubsegment } from './handler-segment.ts'
import {
  endOverInvocations,
  forgetInvocation,
  invocationSegments,
  type OpenInvocation,
  openInvocation,
} from './invocation-segments.ts'
import { configurePowertools, loadedPowertools, loadPowertools } from './powertools.ts'
import { type ClsNamespace, onSegment, routeSegments } from './segment-routing.ts'

/** Options of {@link tracer}. */
export interface TracerOptions {
  /** `Service` annotation and metadata namespace. Default `POWERTOOLS_SERVICE_NAME`, else `service_undefined`. */
  readonly serviceName?: string
  /** `false` turns tracing off. Otherwise it is on in Lambda unless `POWERTOOLS_TRACE_ENABLED=false`. */
  readonly enabled?: boolean
  /** Record the response as metadata. Default true (`POWERTOOLS_TRACER_CAPTURE_RESPONSE=false` also turns it off). */
  readonly captureResponse?: boolean
  /** Trace outgoing http/https/fetch requests (Powertools' `captureHTTPsRequests`). Default true. */
  readonly captureHTTPsRequests?: boolean
  /** Largest response metadata, in bytes of JSON; larger responses are recorded truncated. Default 16384. */
  readonly maxMetadataBytes?: number
}

/** An invocation being traced: its handler subsegment and where it is registered. */
interface Traced {
  readonly tracer: Tracer
  readonly namespace: ClsNamespace
  readonly handler: XraySubsegment
  readonly invocation: OpenInvocation
}

const handlerName = (): string => process.env._HANDLER ?? 'handler'

const tracerOptions = optionChecks(
  (message, option) => new TracerError('TRACER_INVALID_OPTION', message, { path: [option] }),
)

/**
 * Traces each invocation on the Powertools Tracer, like its `captureLambdaHandler`: a `## <handler>`
 * subsegment with `ColdStart` and `Service` annotations, the response (size-capped) or the error as metadata.
 * Each invocation's subsegment carries its own trace id (the runtime's invoke store), and what the X-Ray SDK
 * records while it runs (AWS SDK, http, `recordSubsegment`) nests under it, however many run at once.
 * Tracing is off outside Lambda; when off, `@aws-lambda-powertools/tracer` is never loaded.
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(tracer({ serviceName: 'orders' }))
 *   .handler(async (event) => {
 *     for (const record of event.Records) await recordSubsegment(`record ${record.messageId}`, () => handle(record))
 *   })
 */
export const tracer = (options: TracerOptions = {}): Middleware => {
  const maxBytes = options.maxMetadataBytes ?? DEFAULT_MAX_METADATA_BYTES
  tracerOptions.number('maxMetadataBytes', maxBytes, { integer: true, min: 256 })
  if (!tracingEnabled(options.enabled)) return { before: function tracerOff() {} }
  configurePowertools({
    serviceName: options.serviceName,
    captureHTTPsRequests: options.captureHTTPsRequests,
  })
  // Start loading during INIT; a failure surfaces in the first invocation, not as an unhandled rejection.
  loadPowertools().catch(() => {})
  const traced = requestSlot<Traced>('sluice.tracer invocation')
  const track = lifecycleTracker()

  /** Records what `record` says on the invocation's subsegment and closes it; once per invocation. */
  const finish = (request: object, record?: (loaded: Tracer) => void): void => {
    const state = traced.take(request)
    if (state === undefined) return
    forgetInvocation(state.invocation)
    try {
      if (record) onSegment(state.namespace, state.handler, () => record(state.tracer))
    } finally {
      state.handler.close()
    }
  }
  const recordError = (request: MiddlewareRequest) => (loaded: Tracer) =>
    loaded.addErrorAsMetadata(boundedError(request.error, maxBytes))

  const start = (loaded: Tracer, request: MiddlewareRequest, lifecycle: Lifecycle): void => {
    // In classic Lambda a subsegment still open belongs to an invocation that is over (middy skipped our after).
    endOverInvocations(lifecycle.startedAt, !multiConcurrent())
    // No trace header means nothing to attach to; the variable is never read when invocations run at once.
    if (!loaded.isTracingEnabled() || currentTraceHeader() === undefined) return
    const namespace: ClsNamespace = loaded.provider.getNamespace()
    routeSegments(namespace, invocationSegments)
    const parent = loaded.provider.getSegment()
    if (parent === undefined) return
    const handler = openHandlerSegment(parent, `## ${handlerName()}`)
    const invocation = openInvocation({
      requestId: request.context.awsRequestId,
      deadline: lifecycle.deadline,
      current: handler,
      end: () => finish(request),
    })
    traced.set(request, { tracer: loaded, namespace, handler, invocation })
    // Recorded as soon as the error reaches the chain: an onError that answers first makes middy skip ours.
    watchErrors(request, () => finish(request, recordError(request)))
    onSegment(namespace, handler, () => {
      loaded.putAnnotation('ColdStart', lifecycle.coldStart)
      loaded.addServiceNameAnnotation()
    })
  }

  return {
    before: function tracerBefore(request) {
      const lifecycle = track(request.context)
      const loaded = loadedPowertools()
      if (loaded !== undefined) return start(loaded, request, lifecycle)
      return loadPowertools().then((powertools) => start(powertools, request, lifecycle))
    },
    after: function tracerAfter(request) {
      const { response } = request
      if (options.captureResponse === false || response === undefined) return finish(request)
      finish(request, (loaded) =>
        loaded.addResponseAsMetadata(boundedMetadata(response, maxBytes), handlerName()),
      )
    },
    onError: function tracerOnError(request) {
      finish(request, recordError(request))
    },
  }
}
