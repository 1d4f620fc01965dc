import { readFile, writeFile } from 'node:fs/promises'
import { threadId } from 'node:worker_threads'
import { lambda } from '@sluice/core'
import { cached } from '@sluice/init'
import { logger } from '@sluice/logger'
import { timeout } from '@sluice/timeout'
import { tmp } from '@sluice/tmp'
import { bookParcel, loadRates } from './carrier.ts'
import { log } from './log.ts'

/** One parcel to label. */
export interface LabelRequest {
  readonly orderId: string
  readonly service?: 'standard' | 'express'
}

// Module scope runs once per worker thread: on Managed Instances each worker has its own, and the invocations in
// flight on that worker share it. The rate card is fetched once per worker, whatever the number of first calls.
const rates = cached(loadRates, { ttlMs: 300_000, name: 'rate card' })

/**
 * Prints a shipping label: books the parcel with the carrier, renders the label into the invocation's own scratch
 * directory and returns it. Meant for Lambda Managed Instances (`AWS_LAMBDA_MAX_CONCURRENCY`): many labels are
 * printed at once in one environment, each with its own logs, deadline and scratch.
 *
 * @example
 * sluice invoke examples/shipping-labels/handler.ts#handler --event examples/shipping-labels/event.json --count 8 --concurrency 8 --max-concurrency 8
 */
export const handler = lambda<LabelRequest>()
  .use(logger({ root: log }))
  .use(timeout())
  .use(tmp())
  .handler(async (event, context) => {
    const service = event.service ?? 'standard'
    const cents = (await rates())[service]
    const tracking = await bookParcel(event.orderId, context.timeout.signal)
    // The scratch is this invocation's alone: another label rendered at the same moment never sees or removes it.
    const file = context.tmp.file('label.txt')
    await writeFile(file, `SHIP ${event.orderId}\nTRACKING ${tracking}\nSERVICE ${service} ${cents}c\n`)
    const label = await readFile(file, 'utf8')
    context.log.info({ bytes: label.length }, 'label printed')
    return {
      orderId: event.orderId,
      tracking,
      cents,
      worker: threadId,
      requestId: context.awsRequestId,
      coldStart: context.lifecycle.coldStart,
    }
  })
