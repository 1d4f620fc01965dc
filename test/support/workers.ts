import { setTimeout as sleep } from 'node:timers/promises'
import type { Runtime } from '@sluice/runtime'

/**
 * Invokes `{ warm: true }` (which the fixtures answer with `{ threadId }` before doing anything else) in rounds
 * until `workers` different worker threads have answered, so each worker has initialised and polls for work
 * before the test proper: the runtime hands invocations to the polls in the order they came, so from then on
 * concurrent invocations spread over every worker. A worker still loading the handler answers nothing, so this
 * waits for the slowest (up to a generous `withinMs`). Returns the thread ids.
 *
 * @example
 * const threads = await warmWorkers(runtime, 2) // e.g. [1, 2]
 */
export async function warmWorkers(runtime: Runtime, workers: number, withinMs = 20_000): Promise<number[]> {
  const seen = new Set<number>()
  const until = Date.now() + withinMs
  while (seen.size < workers && Date.now() < until) {
    const results = await Promise.all(
      Array.from({ length: workers * 2 }, () => runtime.invoke({ warm: true })),
    )
    for (const { result, error } of results) {
      if (error !== undefined) throw new Error(`warm-up failed: ${error.errorType}: ${error.errorMessage}`)
      seen.add((result as { threadId: number }).threadId)
    }
    if (seen.size < workers) await sleep(20)
  }
  if (seen.size < workers) throw new Error(`only ${seen.size} of ${workers} workers answered the warm-up`)
  return [...seen].sort((a, b) => a - b)
}
