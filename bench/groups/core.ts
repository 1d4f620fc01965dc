import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { benchContext } from '../context.ts'
import type { BenchGroup } from '../types.ts'

const noop = { before: () => {}, after: () => {} }
const event = { id: 'x' }
const context = benchContext({ timeoutMs: 60_000 })
const body = async (input: { id: string }) => input.id

const bare = async (input: { id: string }) => body(input)

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
      note: 'middy as users get it (timeoutEarlyInMillis 5: a timer per call)',
      targets: [{ kind: 'ratio', against: 'middy', atLeast: 1.2 }],
      subjects: [
        { subject: 'bare', fn: () => bare(event) },
        { subject: 'middy', fn: () => h.middy(event, context) },
        { subject: 'sluice', fn: () => h.sluice(event, context) },
      ],
    },
    {
      name: `core: ${count} no-op middlewares, middy timer off`,
      note: 'middy with timeoutEarlyInMillis 0, the engine alone (sluice runs on it: target = level, within the spread)',
      targets: [{ kind: 'ratio', against: 'middy', atLeast: 1 }],
      subjects: [
        { subject: 'middy', fn: () => h.middyNoTimer(event, context) },
        { subject: 'sluice', fn: () => h.sluice(event, context) },
      ],
    },
  ]
}

/** sluice's per-invocation overhead on middy, against a bare async function and plain middy. */
export const groups: BenchGroup[] = [...groupFor(0), ...groupFor(3)]
