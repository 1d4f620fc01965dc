// The Managed Instances throughput handler on sluice: logger + timeout guard + tmp scratch around the shared work.
import { lambda } from '@sluice/core'
import { logger } from '@sluice/logger'
import { timeout } from '@sluice/timeout'
import { tmp } from '@sluice/tmp'
import { type WorkEvent, work } from './work.ts'

const guard = timeout()

export const handler = guard.wrap(
  lambda<WorkEvent>()
    .use(logger({ service: 'bench-orders' }))
    .use(guard)
    .use(tmp())
    .handler(async (event, context) => {
      const result = await work(event, context.tmp.dir)
      context.log.info({ orderId: event.orderId }, 'order processed')
      return result
    }),
)
