import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** The event both handlers get: an order to process, and how long its I/O takes. */
export interface WorkEvent {
  readonly orderId: string
  /** Simulated downstream latency (a 5 ms sleep by default): what makes in-flight concurrency pay off. */
  readonly ms: number
}

/**
 * The business code both handlers run, identical on both sides: a small file written to the invocation's
 * scratch directory, then a wait standing in for a downstream call.
 *
 * @example
 * await work({ orderId: 'o-1', ms: 5 }, scratchDir)
 */
export async function work(event: WorkEvent, scratch: string): Promise<{ orderId: string }> {
  await writeFile(join(scratch, 'order.json'), JSON.stringify(event))
  await sleep(event.ms)
  return { orderId: event.orderId }
}
