import { AsyncLocalStorage } from 'node:async_hooks'
import type { Context } from 'aws-lambda'

/**
 * The invocation the calling code runs for.
 *
 * @example
 * const invocation: CurrentInvocation = { requestId: 'r-1', traceHeader: 'Root=1-…;Sampled=1' }
 */
export interface CurrentInvocation {
  /** Lambda's request id (`context.awsRequestId`). */
  readonly requestId: string
  /** The X-Ray header Lambda received with it (`Root=…;Parent=…;Sampled=…`), when traced. */
  readonly traceHeader?: string | undefined
  /** The tenant of a tenant-isolated function. */
  readonly tenantId?: string | undefined
  /** The Lambda context, when the handler was entered through `lambda()` or {@link withInvocation}. */
  readonly context?: Context | undefined
}

/** What sluice reads of the InvokeStore the runtime interface client publishes on `globalThis.awslambda`. */
interface RuntimeInvokeStore {
  getXRayTraceId(): string | undefined
  getRequestId?(): string
  getTenantId?(): string | undefined
  /** The invocation's own record, which the runtime creates for each invocation; `undefined` between them. */
  getContext?(): unknown
}

/**
 * The Lambda context of each invocation the runtime's store holds, keyed by the store's record of it (a WeakMap:
 * cheaper than the store's `set`, which checks its protected keys on every call, and gone with the record).
 */
const contexts = new WeakMap<object, Context>()

/** The runtime's record of the invocation in progress, when the runtime's store has one. */
const runtimeRecord = (store: RuntimeInvokeStore | undefined): object | undefined => {
  const record = store?.getContext?.()
  return typeof record === 'object' && record !== null ? record : undefined
}

const isStore = (value: unknown): value is RuntimeInvokeStore =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'getXRayTraceId') === 'function'

/** The global object, as far as the runtime client extends it. */
const host: { readonly awslambda?: unknown } = globalThis

/**
 * The runtime's store (`aws-lambda-ric` ≥ 4 with `@aws/lambda-invoke-store`): one per process, an
 * AsyncLocalStorage in multi-concurrent mode (Managed Instances), a single slot in classic mode.
 */
const runtimeStore = (): RuntimeInvokeStore | undefined => {
  // A plain property read: Reflect.get on the global object costs several times more, on every invocation.
  const awslambda = host.awslambda
  if (typeof awslambda !== 'object' || awslambda === null) return undefined
  const store: unknown = Reflect.get(awslambda, 'InvokeStore')
  return isStore(store) ? store : undefined
}

/** Without the runtime's store (tests, other hosts): the one invocation in flight outside {@link overlapping}. */
let outside: Context | undefined
/** Invocations that started while another was in flight: entering the storage costs, so only they pay for it. */
const overlapping = new AsyncLocalStorage<Context>()

/**
 * Gives the one slot back (see {@link enterInvocation}). For the code in this package that runs an invocation it
 * entered; not exported from the package.
 */
export const leaveInvocation = (): void => {
  outside = undefined
}

const leave = <T>(result: T): T => {
  outside = undefined
  return result
}
const leaveFailed = (error: unknown): never => {
  outside = undefined
  throw error
}

/** A Lambda handler in its async form, as `lambda()` and middy build them. */
type AsyncHandler<TEvent, TResult> = (event: TEvent, context: Context) => Promise<TResult>

/**
 * Runs `handler` for an invocation under the runtime's store (the context rides with the store's record) or,
 * when another invocation holds the slot, inside the AsyncLocalStorage. Otherwise this call takes the slot and
 * `undefined` comes back: the caller runs the handler and gives the slot back ({@link leaveInvocation}) once it
 * settled. For the code in this package that runs invocations (`withInvocation`, lambda()'s execution mode); not
 * exported from the package.
 */
export const enterInvocation = <TEvent, TResult>(
  handler: AsyncHandler<TEvent, TResult>,
  event: TEvent,
  context: Context,
): Promise<TResult> | undefined => {
  const record = runtimeRecord(runtimeStore())
  if (record !== undefined) {
    contexts.set(record, context)
    return handler(event, context)
  }
  if (outside !== undefined) return overlapping.run(context, handler, event, context)
  outside = context
  return undefined
}

/**
 * Wraps a Lambda handler so that code running for one of its invocations finds it with
 * {@link currentInvocation}. `lambda()` does it; wrap a plain middy handler the same way. Under the Lambda runtime
 * the context rides with the runtime's InvokeStore record of the invocation; elsewhere (tests, other hosts) an
 * invocation that starts while none is in flight takes one slot, and only one that overlaps another enters an
 * AsyncLocalStorage (its `run` costs more than the rest of this wrapper).
 *
 * @example
 * export const handler = withInvocation(middy().use(logger()).handler(work))
 */
export const withInvocation = <TEvent, TResult>(
  handler: AsyncHandler<TEvent, TResult>,
): AsyncHandler<TEvent, TResult> =>
  function sluiceInvocation(event, context) {
    const entered = enterInvocation(handler, event, context)
    if (entered !== undefined) return entered
    try {
      return handler(event, context).then(leave, leaveFailed)
    } catch (error) {
      return leaveFailed(error)
    }
  }

/**
 * Whether this process runs several invocations at once (Lambda Managed Instances: `AWS_LAMBDA_MAX_CONCURRENCY`
 * is set). Then no per-invocation variable such as `_X_AMZN_TRACE_ID` is set, and module state is shared by the
 * invocations in flight. Read on each call: tests switch it.
 *
 * @example
 * if (!multiConcurrent()) closeLeftovers() // one invocation at a time: whatever is still open is over
 */
export const multiConcurrent = (): boolean => process.env.AWS_LAMBDA_MAX_CONCURRENCY !== undefined

/**
 * The X-Ray trace header of the current invocation: the runtime's InvokeStore when there is one, else (one
 * invocation at a time) `_X_AMZN_TRACE_ID`, which Lambda sets before each invocation. `undefined` outside a trace.
 *
 * @example
 * currentTraceHeader() // 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'
 */
export const currentTraceHeader = (): string | undefined =>
  runtimeStore()?.getXRayTraceId() ?? (multiConcurrent() ? undefined : process.env._X_AMZN_TRACE_ID)

/**
 * The X-Ray trace id of the current invocation (`1-5759e988-bd862e3fe1be46a994272793`): the `Root` of
 * {@link currentTraceHeader}, or the header itself when it is a bare id.
 *
 * @example
 * currentTraceId() // '1-5759e988-bd862e3fe1be46a994272793'
 */
export const currentTraceId = (): string | undefined => {
  const header = currentTraceHeader()
  if (!header) return undefined
  if (!header.includes('=')) return header
  for (const part of header.split(';')) {
    if (part.startsWith('Root=')) return part.slice(5) || undefined
  }
  return undefined
}

/**
 * The Lambda context of the invocation the calling code runs for, when its handler was entered through `lambda()`
 * or {@link withInvocation}: what {@link currentInvocation} gives as `context`, without reading the trace header,
 * for code that runs on every log line. `undefined` outside an invocation (INIT), or when the runtime ran a
 * handler that neither wraps.
 *
 * @example
 * currentContext()?.functionName // 'orders'
 */
export const currentContext = (): Context | undefined => {
  const record = runtimeRecord(runtimeStore())
  if (record !== undefined) return contexts.get(record)
  return overlapping.getStore() ?? outside
}

/**
 * The invocation the calling code runs for, wherever it is called from (a middleware, a helper deep in the
 * handler, a callback): per-invocation state that never lives in module scope, so Managed Instances, which run
 * several invocations at once in one process, give each its own. `undefined` outside an invocation (INIT).
 *
 * @example
 * const requestId = currentInvocation()?.requestId ?? 'none'
 */
export const currentInvocation = (): CurrentInvocation | undefined => {
  const store = runtimeStore()
  const record = runtimeRecord(store)
  if (store !== undefined && record !== undefined) {
    const context = contexts.get(record)
    const requestId = context?.awsRequestId ?? store.getRequestId?.()
    if (requestId === undefined) return undefined
    const tenantId = store.getTenantId?.() ?? context?.tenantId
    return { requestId, traceHeader: store.getXRayTraceId(), tenantId, context }
  }
  const context = overlapping.getStore() ?? outside
  if (context === undefined) return undefined
  return {
    requestId: context.awsRequestId,
    traceHeader: currentTraceHeader(),
    tenantId: context.tenantId,
    context,
  }
}
