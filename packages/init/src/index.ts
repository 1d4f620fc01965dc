export {
  type AwaitInitContext,
  type AwaitInitOptions,
  awaitInit,
  type InitSource,
  type InitTimings,
  type InitValues,
} from './await-init.ts'
export { type Cached, cached, type FetchTiming } from './cached.ts'
export type { CachedOptions, RefreshMode } from './cached-options.ts'
export { monotonicClock } from './clock.ts'
export { InitError, type InitErrorCode, type InitErrorOptions } from './errors.ts'
export { type Once, type OnceState, once } from './once.ts'
export {
  emitInitWarning,
  INIT_LIMIT_MS,
  type InitWarningCode,
  initWarnings,
  type WarnFn,
} from './warnings.ts'
