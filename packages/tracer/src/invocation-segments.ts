import { currentInvocation } from '@sluice/core'
import type { InvocationSegments } from './segment-routing.ts'

/** An invocation whose handler subsegment is open. */
export interface OpenInvocation {
  readonly requestId: string
  /** Epoch ms when Lambda stops it: past that it is over, whether or not the middleware saw it end. */
  readonly deadline: number
  /** What the X-Ray SDK's lookups get for it: its handler subsegment, or a segment its code set since. */
  current: unknown
  /** Closes its handler subsegment without recording more (it ended without the middleware seeing it). */
  readonly end: () => void
}

// By request id: the key the runtime's invoke store and core's currentInvocation() give for the code running now.
const open = new Map<string, OpenInvocation>()
// Far more than any environment runs at once; bounds what invocations that never ended can leave behind.
const MAX_OPEN = 1024

const mine = (): OpenInvocation | undefined => {
  const requestId = currentInvocation()?.requestId
  return requestId === undefined ? undefined : open.get(requestId)
}

/**
 * The segments of the invocations in flight, as the X-Ray SDK's current-segment lookups see them (see
 * `routeSegments`): the one of the invocation the calling code runs for.
 *
 * @example
 * routeSegments(namespace, invocationSegments)
 */
export const invocationSegments: InvocationSegments = {
  get: () => mine()?.current,
  set: (segment) => {
    const invocation = mine()
    if (invocation === undefined) return false
    invocation.current = segment
    return true
  },
}

/**
 * Registers an invocation whose handler subsegment was just opened, and returns it.
 *
 * @example
 * const invocation = openInvocation({ requestId, deadline, current: handler, end: () => handler.close() })
 */
export const openInvocation = (invocation: OpenInvocation): OpenInvocation => {
  if (open.size >= MAX_OPEN) open.values().next().value?.end()
  open.set(invocation.requestId, invocation)
  return invocation
}

/**
 * Forgets an invocation that ended: lookups made for it from now on get the environment's segment.
 *
 * @example
 * forgetInvocation(invocation)
 */
export const forgetInvocation = (invocation: OpenInvocation): void => {
  if (open.get(invocation.requestId) === invocation) open.delete(invocation.requestId)
}

/**
 * Ends the invocations that are over without the middleware having seen them end (a middleware that answered
 * early made middy skip its `after`): those past their deadline, or, with `all`, every one.
 *
 * @example
 * endOverInvocations(Date.now(), process.env.AWS_LAMBDA_MAX_CONCURRENCY === undefined)
 */
export const endOverInvocations = (now: number, all: boolean): void => {
  for (const invocation of [...open.values()]) if (all || invocation.deadline < now) invocation.end()
}
