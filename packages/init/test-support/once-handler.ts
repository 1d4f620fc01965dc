import { randomUUID } from 'node:crypto'
import { lambda } from '@sluice/core'
import { once } from '../src/once.ts'
import { probe } from './probe.ts'

probe.log.push('init')

// A client made once per container; a failed connect is retried by the next call.
const client = once(async () => {
  probe.factoryRuns += 1
  if (probe.failFactory > 0) {
    probe.failFactory -= 1
    throw new Error('connection refused')
  }
  return { id: randomUUID() }
})

// Start connecting during INIT; nobody awaits this, and a failure must not crash the container.
void client()

/** Reports which client instance served the invocation. */
export const handler = lambda().handler(async (_event, context) => ({
  clientId: (await client()).id,
  invocation: context.lifecycle.invocation,
}))
