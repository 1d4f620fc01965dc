export {
  errorMessage,
  isSluiceError,
  SluiceError,
  type SluiceErrorOptions,
  toSluiceError,
} from './errors.ts'
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
  lifecycleOf,
  lifecycleTracker,
  phase,
} from './lifecycle.ts'
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
