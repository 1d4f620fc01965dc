import type { Tracer } from '@aws-lambda-powertools/tracer'
import { lifecycleTracker, type Middleware, optionChecks } from '@sluice/core'
import { boundedError, boundedMetadata, DEFAULT_MAX_METADATA_BYTES } from './bounded.ts'
import { tracingEnabled } from './enabled.ts'
import { TracerError } from './errors.ts'
import { configurePowertools, loadedPowertools, loadPowertools } from './powertools.ts'

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

/** The part of an X-Ray (sub)segment this middleware uses. */
interface SegmentLike {
  addNewSubsegment(name: string): SegmentLike
  close(): void
}

interface Open {
  readonly tracer: Tracer
  readonly parent: SegmentLike
  readonly handler: SegmentLike
}

const handlerName = (): string => process.env._HANDLER ?? 'handler'

const close = ({ tracer, parent, handler }: Open): void => {
  try {
    handler.close()
  } finally {
    tracer.setSegment(parent as never)
  }
}

const tracerOptions = optionChecks(
  (message, option) => new TracerError('TRACER_INVALID_OPTION', message, { path: [option] }),
)

/**
 * Traces each invocation on the Powertools Tracer, like its `captureLambdaHandler`: a `## <handler>`
 * subsegment with `ColdStart` and `Service` annotations, the response (size-capped) or the error as metadata.
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
  const open = new WeakMap<object, Open>()
  // The last invocation's subsegment, if it was never closed (an onError after ours returned a response, so
  // middy skipped ours): closed here, or it would stay the current segment and parent the next invocation.
  let unclosed: Open | undefined
  const track = lifecycleTracker()
  return {
    before: async function tracerBefore(request) {
      const { coldStart } = track(request.context)
      if (unclosed !== undefined) close(unclosed)
      unclosed = undefined
      const loaded = loadedPowertools() ?? (await loadPowertools())
      // No facade segment means no trace header for this invocation: nothing to attach to.
      const parent = loaded.provider.getSegment() as SegmentLike | undefined
      if (parent === undefined || !loaded.isTracingEnabled()) return
      const handler = parent.addNewSubsegment(`## ${handlerName()}`)
      loaded.setSegment(handler as never)
      unclosed = { tracer: loaded, parent, handler }
      open.set(request, unclosed)
      loaded.putAnnotation('ColdStart', coldStart)
      loaded.addServiceNameAnnotation()
    },
    after: function tracerAfter(request) {
      const state = open.get(request)
      if (state === undefined) return
      open.delete(request)
      unclosed = undefined
      if (options.captureResponse !== false && request.response !== undefined) {
        state.tracer.addResponseAsMetadata(boundedMetadata(request.response, maxBytes), handlerName())
      }
      close(state)
    },
    onError: function tracerOnError(request) {
      const state = open.get(request)
      if (state === undefined) return
      open.delete(request)
      unclosed = undefined
      state.tracer.addErrorAsMetadata(boundedError(request.error, maxBytes))
      close(state)
    },
  }
}
