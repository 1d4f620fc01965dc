// An idempotent handler on the memory store, in a project without @aws-sdk/client-dynamodb or ioredis: it
// type-checks (skipLibCheck false), bundles with esbuild, and runs under the installed sluice CLI.
import { lambda } from '@sluice/core'
import { idempotency, memoryStore } from '@sluice/idempotency'

type Order = { orderId: string; cents: number }

let charges = 0

export const handler = lambda<Order>()
  .use(idempotency<Order>({ key: (order) => order.orderId, store: memoryStore() }))
  .handler(async (order) => ({ orderId: order.orderId, cents: order.cents, charge: ++charges }))
