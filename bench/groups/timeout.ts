import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { timeout } from '@sluice/timeout'
import { invocationContext } from '../context.ts'
import type { BenchGroup } from '../types.ts'

// A fast handler on a 60 s function: the guard is armed and cleared on every call, never fires. Every call gets a
// fresh context (as Lambda gives): the guard sits on `context.timeout`, and a shared context would carry it over.
const event = { id: 'x' }
const body = async (input: { id: string }) => input.id

const bare = lambda<{ id: string }>().handler(body)
// middy's own guard as users get it: a timer per call, racing the handler only.
const viaMiddy = middy<{ id: string }>({ timeoutEarlyInMillis: 500 }).handler(body)
const guard = timeout()
const viaSluice = guard.wrap(lambda<{ id: string }>().use(guard).handler(body))

const readsMiddySignal = middy<{ id: string }>({ timeoutEarlyInMillis: 500 }).handler(
  async (input, _context, { signal }) => (signal.aborted ? '' : input.id),
)
const readsSluiceSignal = guard.wrap(
  lambda<{ id: string }>()
    .use(guard)
    .handler(async (input, ctx) => (ctx.timeout.signal.aborted ? '' : input.id)),
)

/** What the whole-chain guard costs a fast invocation, next to middy's handler-only early timeout. */
export const groups: BenchGroup[] = [
  {
    name: 'timeout: guard overhead',
    targets: [{ kind: 'ratio', against: 'middy', atLeast: 1 }],
    note: 'bare = lambda() without a guard; middy = timeoutEarlyInMillis 500; sluice = timeout().wrap() + .use(), signal never read; a fresh context per call',
    subjects: [
      { subject: 'bare', fn: () => bare(event, invocationContext()) },
      { subject: 'middy', fn: () => viaMiddy(event, invocationContext()) },
      { subject: 'sluice', fn: () => viaSluice(event, invocationContext()) },
    ],
  },
  {
    name: 'timeout: guard overhead, signal read',
    targets: [{ kind: 'ratio', against: 'middy', atLeast: 1 }],
    note: 'the handler reads its abort signal: middy 3rd argument (one controller per call, always), sluice context.timeout.signal (created on read); a fresh context per call',
    subjects: [
      { subject: 'middy', fn: () => readsMiddySignal(event, invocationContext()) },
      { subject: 'sluice', fn: () => readsSluiceSignal(event, invocationContext()) },
    ],
  },
]
