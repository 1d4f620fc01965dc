import {
  type CurrentInvocation,
  currentContext,
  currentInvocation,
  currentTraceId,
  type LifecycleContext,
} from '@sluice/core'
import type { Context } from 'aws-lambda'
import { capField } from './field-cap.ts'
import type { FieldNames, InvocationFacts } from './fields.ts'
import type { Logger } from './logger-type.ts'

// Marks a logger whose bindings already hold an invocation's fields; pino children inherit it.
const BOUND = Symbol('sluice.logger.bound')
type Markable = Logger & { [BOUND]?: true }

/**
 * Marks `log` (and every child made from it) as bound to one invocation: `context.log`, or a child a handler
 * bound to the request id itself. Its lines carry that invocation's fields already, so no more are added.
 *
 * @example
 * markBound(root.child({ requestId: context.awsRequestId }))
 */
export const markBound = (log: Pick<Logger, 'info'>): void => {
  Object.defineProperty(log, BOUND, { value: true })
}

// What the logger() middleware bound each invocation's context.log to, on that invocation's Lambda context (a
// hidden property: it goes with the context, and invocations in flight at once each find their own). Not a
// WeakMap keyed by the context: an entry per invocation in an ephemeron table made V8 keep each invocation's
// objects through young-generation collections, which grew the young generation (some 25 MB of RSS more after
// 4,000 invocations on Managed Instances, 8 in flight) and the collections' work with it.
const FACTS = Symbol('sluice.logger.facts')
type WithFacts = { [FACTS]?: InvocationFacts }
const rememberedOf = (context: object): InvocationFacts | undefined => (context as WithFacts)[FACTS]

/**
 * Records what an invocation's `context.log` is bound to, so that lines written while it runs by a logger made at
 * module scope carry the same fields.
 *
 * @example
 * rememberInvocation(context, facts)
 */
export const rememberInvocation = (context: Context, facts: InvocationFacts): void => {
  // Not enumerable: out of spreads, `Object.keys` and `util.inspect` of the context. The middleware sets
  // `context.log` on it too: a context that takes no property fails there as it would here.
  Object.defineProperty(context, FACTS, { value: facts, configurable: true, writable: true })
}

/**
 * The tenant of the invocation `context` belongs to: the context's (`context.tenantId`), else what the runtime's
 * store says for that request.
 *
 * @example
 * tenantOf(context) // 'acme' on a tenant-isolated function
 */
export const tenantOf = (context: Context): string | undefined => {
  if (context.tenantId !== undefined) return context.tenantId
  const invocation = currentInvocation()
  return invocation?.requestId === context.awsRequestId ? invocation.tenantId : undefined
}

const coldStartOf = (context: Context & Partial<LifecycleContext>): boolean | undefined =>
  context.lifecycle?.coldStart

/** The facts of an invocation no `logger()` middleware has seen: what its context and the runtime's store say. */
const contextFacts = (context: Context, max: number): InvocationFacts => ({
  context,
  coldStart: coldStartOf(context),
  traceId: capField(currentTraceId(), max),
  correlationId: undefined,
  tenantId: capField(tenantOf(context), max),
  sampleRate: 0,
  sampled: false,
})

/** The same when the runtime ran a handler that `lambda()` did not wrap: the store knows its request id. */
const storeFacts = (invocation: CurrentInvocation, max: number): InvocationFacts => ({
  context: { awsRequestId: invocation.requestId },
  coldStart: undefined,
  traceId: capField(currentTraceId(), max),
  correlationId: undefined,
  tenantId: capField(invocation.tenantId, max),
  sampleRate: 0,
  sampled: false,
})

/**
 * For a root logger made at module scope, and its children: the logger a line written now goes through so that
 * it carries the fields of the invocation it runs in, found with core's `currentContext()` (by the runtime's
 * invoke store under Lambda, one per invocation when several run at once; else the invocation `lambda()` wraps).
 * That is a child of `log` bound to the fields `context.log` has (by the `logger()` middleware's facts), else to
 * what the context and store say: made once per logger and invocation, so its fields are serialized once, as
 * a child's are. `undefined` outside an invocation, and for loggers bound to one already (`context.log`).
 *
 * @example
 * const through = invocationLogger(sluiceFields, 256)
 * through(root)?.info('stored') // with requestId, traceId, …
 */
export const invocationLogger = (
  fields: FieldNames,
  maxFieldLength: number,
): ((log: Logger) => Logger | undefined) => {
  const made = new WeakMap<object, WeakMap<object, { facts: InvocationFacts | undefined; log: Logger }>>()
  const bind = (log: Logger, facts: InvocationFacts): Logger => {
    const child = log.child(fields.invocation(facts))
    markBound(child)
    return child
  }
  return function throughInvocation(log: Markable) {
    if (log[BOUND] === true) return undefined
    const context = currentContext()
    if (context === undefined) {
      // The runtime ran a handler lambda() did not wrap: no context to keep a child by (rare; made per line).
      const invocation = currentInvocation()
      return invocation === undefined ? undefined : bind(log, storeFacts(invocation, maxFieldLength))
    }
    let byContext = made.get(log)
    if (byContext === undefined) {
      byContext = new WeakMap()
      made.set(log, byContext)
    }
    const facts = rememberedOf(context)
    let entry = byContext.get(context)
    // Made again once when the middleware's facts arrive after a line was written without them.
    if (entry === undefined || entry.facts !== facts) {
      entry = { facts, log: bind(log, facts ?? contextFacts(context, maxFieldLength)) }
      byContext.set(context, entry)
    }
    return entry.log
  }
}
