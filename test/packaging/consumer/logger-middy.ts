// A plain-middy handler with @sluice/logger. With `declaration: true` the exported handler's type must be
// nameable from the user's project: the middleware names only types @sluice/logger exports (no TS2742).
import middy from '@middy/core'
import { logger } from '@sluice/logger'

export const handler = middy()
  .use(logger({ service: 'orders' }))
  .handler(async () => ({ ok: true }))
