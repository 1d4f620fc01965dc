// The X-Ray SDK keeps "the current segment" in a cls-hooked namespace. In Lambda it enters one context at start-up
// and keeps the function's (facade) segment there; every context made later (by `ns.run`, as the SDK's own
// captureAsyncFunc does) inherits from it through its prototype. So a lookup that reaches that first context is a
// lookup for code that set nothing closer: the handler of whichever invocation runs it. Several invocations in
// flight at once (Managed Instances) would share that one slot; here it answers per invocation instead.

/** The part of the X-Ray SDK's cls-hooked namespace used here. */
export interface ClsNamespace {
  /** The context of the code running now; contexts inherit from the one they were made in. */
  readonly active: unknown
  /** Runs `fn` synchronously in a new context made from the active one. */
  run(fn: () => void): unknown
  set(key: string, value: unknown): unknown
}

// The key the X-Ray SDK keeps the current (sub)segment under in its contexts.
const SEGMENT = 'segment'
const ROUTED = Symbol('sluice.tracer.routed')
const routed = new WeakSet<ClsNamespace>()

/** The first context, which holds the Lambda facade segment: the last one up the chain with its own segment. */
const firstContext = (namespace: ClsNamespace): object | undefined => {
  let first: object | undefined
  let context = namespace.active
  while (typeof context === 'object' && context !== null) {
    if (Object.hasOwn(context, SEGMENT)) first = context
    context = Object.getPrototypeOf(context)
  }
  return first
}

/**
 * Where the X-Ray SDK's lookups of the current segment land when no code set one closer: `get()` gives the
 * segment of the invocation running now (`undefined` outside one), `set()` makes a segment it for that
 * invocation and returns whether there was one.
 */
export interface InvocationSegments {
  get(): unknown
  set(segment: unknown): boolean
}

/**
 * Makes the X-Ray SDK's "current segment" per invocation: a lookup that would reach the facade segment shared by
 * the whole environment gets the segment of the invocation it runs for, so an AWS SDK, http or fetch call, or a
 * `recordSubsegment`, nests under its own invocation's handler subsegment even with many invocations in flight.
 * Outside an invocation the facade is found as before. Once per process; `false` when the SDK is not in its
 * Lambda mode (no facade).
 *
 * @example
 * routeSegments(tracer.provider.getNamespace(), invocationSegments)
 */
export const routeSegments = (namespace: ClsNamespace, segments: InvocationSegments): boolean => {
  if (routed.has(namespace)) return true
  const first = firstContext(namespace)
  if (first === undefined) return false
  routed.add(namespace)
  if (Object.hasOwn(first, ROUTED)) return true
  let facade: unknown = Reflect.get(first, SEGMENT)
  Object.defineProperty(first, ROUTED, { value: true })
  Object.defineProperty(first, SEGMENT, {
    configurable: true,
    enumerable: true,
    get: () => segments.get() ?? facade,
    set(this: object, segment: unknown) {
      // A context made later (ns.run) gets its own segment, as it would without this accessor.
      if (this !== first) {
        Object.defineProperty(this, SEGMENT, {
          value: segment,
          writable: true,
          enumerable: true,
          configurable: true,
        })
      } else if (!segments.set(segment)) facade = segment
    },
  })
  return true
}

/**
 * Runs `fn` synchronously with `segment` as the X-Ray SDK's current segment, in a context of its own: the
 * Powertools calls made in `fn` (annotations, metadata, errors) land on it, whatever else runs.
 *
 * @example
 * onSegment(namespace, handler, () => tracer.putAnnotation('ColdStart', true))
 */
export const onSegment = (namespace: ClsNamespace, segment: unknown, fn: () => void): void => {
  namespace.run(() => {
    namespace.set(SEGMENT, segment)
    fn()
  })
}
