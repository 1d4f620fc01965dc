import { lambda } from '@sluice/core'

/** The event: who to greet, and optionally how long to work (to show the deadline). */
export interface HelloEvent {
  readonly name?: string
  readonly workMs?: number
}

// Module scope runs once per container: on a cold start, never again on warm invocations.
const containerStartedAt = new Date().toISOString()
console.log('init: hello handler loaded')

/**
 * Greets, and reports what the container knows about this invocation.
 *
 * @example
 * sluice invoke examples/hello/handler.ts#handler --event examples/hello/event.json --count 3
 */
export const handler = lambda<HelloEvent>().handler(async (event, context) => {
  const name = event.name ?? 'world'
  console.log(`greeting ${name}`)
  if (event.workMs !== undefined) await new Promise((resolve) => setTimeout(resolve, event.workMs))
  return {
    message: `Hello, ${name}!`,
    coldStart: context.lifecycle.coldStart,
    invocation: context.lifecycle.invocation,
    remainingMs: context.getRemainingTimeInMillis(),
    containerStartedAt,
  }
})
