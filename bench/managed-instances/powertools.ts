// The same handler on middy + Powertools Logger: middy's own early-timeout timer (5 ms, its default) stands for
// the timeout guard, and a scratch directory made and removed by hand for @sluice/tmp (Powertools has neither).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { type WorkEvent, work } from './work.ts'

const logger = new Logger({ serviceName: 'bench-orders' })

export const handler = middy(async (event: WorkEvent) => {
  const scratch = await mkdtemp(join(tmpdir(), 'scratch-'))
  try {
    const result = await work(event, scratch)
    logger.info('order processed', { orderId: event.orderId })
    return result
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}).use(injectLambdaContext(logger))
