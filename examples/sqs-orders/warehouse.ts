import { createHash } from 'node:crypto'
import { SluiceError } from '@sluice/core'
import type { Order } from './order.ts'

/** What the warehouse answers when it accepted an order for fulfilment. */
export interface Fulfilment {
  readonly orderId: string
  readonly confirmation: string
}

/** Waits `ms` on the global timers (so fake timers drive it), or rejects with the signal's reason. */
const delay = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    function onAbort() {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })

/**
 * Sends an order to the warehouse: `POST <WAREHOUSE_URL>/fulfilments` (the order id as `idempotency-key`),
 * passing the batch's abort signal so a call still running at the deadline is abandoned. Without
 * `WAREHOUSE_URL` (the demo) the warehouse is simulated: `FULFILMENT_LATENCY_MS` of waiting (default 25).
 *
 * @example
 * const { confirmation } = await fulfil(order, AbortSignal.timeout(2_000))
 */
export async function fulfil(order: Order, signal: AbortSignal, env = process.env): Promise<Fulfilment> {
  const url = env.WAREHOUSE_URL
  if (url === undefined) {
    await delay(Number(env.FULFILMENT_LATENCY_MS ?? 25), signal)
    const confirmation = `sim-${createHash('sha256').update(order.orderId).digest('hex').slice(0, 12)}`
    return { orderId: order.orderId, confirmation }
  }
  const response = await fetch(`${url}/fulfilments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': order.orderId },
    body: JSON.stringify(order),
    signal,
  })
  if (!response.ok) {
    throw new SluiceError(`The warehouse refused ${order.orderId} (${response.status}); it will come back`, {
      code: 'WAREHOUSE_REFUSED',
    })
  }
  const { confirmation } = (await response.json()) as { confirmation: string }
  return { orderId: order.orderId, confirmation }
}
