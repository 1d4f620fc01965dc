// @sluice/init's once, cached and awaitInit in a project without the SSM or Secrets Manager clients.
import { lambda } from '@sluice/core'
import { awaitInit, cached, once } from '@sluice/init'

const startedAt = once(() => Date.now())
const config = cached(async () => ({ table: 'orders' }), { ttlMs: 60_000 })

export const handler = lambda()
  .use(awaitInit({ caches: { config } }))
  .handler(async (_event, context) => ({ table: context.init.config.table, startedAt: startedAt() }))
