import type { Tracer } from '@aws-lambda-powertools/tracer'

/** An X-Ray segment or subsegment, as the Powertools Tracer hands it out. */
export type XraySegment = NonNullable<ReturnType<Tracer['getSegment']>>
/** An X-Ray subsegment. */
export type XraySubsegment = ReturnType<XraySegment['addNewSubsegment']>

const ignore = (): void => {}

/**
 * What the X-Ray SDK (3.x) reads from the segment a subsegment belongs to and from its parent, copied from the
 * Lambda facade segment right after it read the current invocation's trace header. The facade is one object for
 * the whole environment: it takes the next invocation's trace as soon as that one looks it up, so a subsegment
 * that kept pointing at it could be sent with another invocation's trace id. Like the facade, the copy is never
 * sent (Lambda sends the function's segment) and counts as open, so each closed subsegment is sent on its own.
 */
const invocationCopy = (facade: object) => ({
  trace_id: Reflect.get(facade, 'trace_id'),
  id: Reflect.get(facade, 'id'),
  notTraced: Reflect.get(facade, 'notTraced'),
  noOp: Reflect.get(facade, 'noOp'),
  additionalTraceData: Reflect.get(facade, 'additionalTraceData'),
  counter: 1,
  incrementCounter: ignore,
  decrementCounter: ignore,
  removeSubsegment: ignore,
  isClosed: () => true,
})

/**
 * Opens the subsegment an invocation's handler runs in, under `parent`. When `parent` is the Lambda facade
 * segment (as in Lambda), the subsegment belongs to a copy of the facade's trace data for this invocation
 * instead, so it and everything nested under it is sent with this invocation's trace id and parent, however
 * many invocations run at once.
 *
 * @example
 * const handler = openHandlerSegment(tracer.provider.getSegment(), '## index.handler')
 */
export const openHandlerSegment = (parent: XraySegment, name: string): XraySubsegment => {
  const subsegment = parent.addNewSubsegment(name)
  if (Reflect.get(parent, 'facade') !== true) return subsegment
  parent.removeSubsegment(subsegment)
  const own = invocationCopy(parent)
  Object.assign(subsegment, { segment: own, parent: own, notTraced: own.notTraced, noOp: own.noOp })
  return subsegment
}
