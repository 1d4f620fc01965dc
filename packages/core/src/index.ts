export { type Clock, isClock, systemClock } from './clock.ts'
export { deadlineOf, type MarginOptions, marginFor, remainingOf } from './deadline.ts'
export {
  errorMessage,
  isSluiceError,
  SluiceError,
  type SluiceErrorOptions,
  toSluiceError,
} from './errors.ts'
export { HTTP_PRELUDE_CONTENT_TYPE, type HttpPrelude, httpResponseStream } from './http-response-stream.ts'
export {
  type CurrentInvocation,
  currentContext,
  currentInvocation,
  currentTraceHeader,
  currentTraceId,
  multiConcurrent,
  withInvocation,
} from './invocation-store.ts'
export { isThenable } from './is-thenable.ts'
export {
  type CatchContext,
  type CatchFn,
  type CatchRequest,
  type HandlerContext,
  type LambdaBuilder,
  type LambdaHandler,
  type LambdaOptions,
  lambda,
  lifecycle,
} from './lambda.ts'
export {
  createLifecycle,
  type InitializationType,
  initializationType,
  type Lifecycle,
  type LifecycleContext,
  type LifecycleOptions,
  lifecycleOf,
  lifecycleTracker,
  phase,
} from './lifecycle.ts'
export { Lru, type LruOptions } from './lru.ts'
export type {
  AcceptsEvent,
  ContextAdds,
  EventAfter,
  Middleware,
  MiddlewareRequest,
  MiddlewareSpec,
} from './middleware.ts'
export {
  describeValue,
  invalidOptionMessage,
  type NumberRule,
  type OptionChecks,
  type OptionFailure,
  optionChecks,
} from './options.ts'
export { type RequestSlot, requestSlot } from './request-slot.ts'
export {
  type BeforeFirstWrite,
  type ResponseStream,
  responseStreamOf,
} from './response-stream.ts'
export { ResponseStreamError, type ResponseStreamErrorCode } from './response-stream-error.ts'
export { type SharedTimerEntry, type SharedTimerTarget, sharedTimer } from './shared-timer.ts'
export {
  type CatchFitsStream,
  type HttpStreamResponse,
  type StreamBody,
  type StreamResponse,
  writeStreamResponse,
} from './stream-response.ts'
export { HANDLER_STREAMING, isStreamingHandler, type StreamingHandler, streamify } from './streamify.ts'
export { TimeoutError, type TimeoutFacts } from './timeout-error.ts'
export { watchErrors } from './watch-errors.ts'
