import middy from '@middy/core'
import { lambda } from '@sluice/core'
import type { Context } from 'aws-lambda'
import { invocationContext } from '../context.ts'
import type { BenchGroup } from '../types.ts'

const noop = { before: () => {}, after: () => {} }
const event = { id: 'x' }
const body = async (input: { id: string }) => input.id

const bare = async (input: { id: string }, _context: Context) => body(input)

const withMiddlewares = (count: number) => {
  let viaSluice = lambda<{ id: string }>()
  let viaMiddy = middy<{ id: string }>()
  let viaMiddyNoTimer = middy<{ id: string }>({ timeoutEarlyInMillis: 0 })
  for (let i = 0; i < count; i++) {
    viaSluice = viaSluice.use(noop)
    viaMiddy = viaMiddy.use(noop)
    viaMiddyNoTimer = viaMiddyNoTimer.use(noop)
  }
  return {
    sluice: viaSluice.handler(body),
    middy: viaMiddy.handler(body),
    middyNoTimer: viaMiddyNoTimer.handler(body),
  }
}

const groupFor = (count: number): BenchGroup[] => {
  const h = withMiddlewares(count)
  return [
    {
      name: `core: ${count} no-op middlewares`,
      note: 'middy as users get it (timeoutEarlyInMillis 5: a timer per call); every call gets a fresh context',
      targets: [{ kind: 'ratio', against: 'middy', atLeast: 1.2 }],
      subjects: [
        { subject: 'bare', fn: () => bare(event, invocationContext()) },
        { subject: 'middy', fn: () => h.middy(event, invocationContext()) },
        { subject: 'sluice', fn: () => h.sluice(event, invocationContext()) },
      ],
    },
    {
      name: `core: ${count} no-op middlewares, middy timer off`,
      note: 'middy with timeoutEarlyInMillis 0, the engine alone (sluice runs on it: target = level, within the spread); a fresh context per call, as Lambda gives',
      targets: [{ kind: 'ratio', against: 'middy', atLeast: 1 }],
      subjects: [
        { subject: 'middy', fn: () => h.middyNoTimer(event, invocationContext()) },
        { subject: 'sluice', fn: () => h.sluice(event, invocationContext()) },
      ],
    },
  ]
}

/** sluice's per-invocation overhead on middy, against a bare async function and plain middy. */
export const groups: BenchGroup[] = [...groupFor(0), ...groupFor(3)]
