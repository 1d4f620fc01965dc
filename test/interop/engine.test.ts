import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

// lambda() runs middy's chain in its own execution mode (one async function, no AbortController per call; see
// packages/core/src/invocation-mode.ts). These chains run through middy's standard mode and through lambda(), and
// every outcome must be the same: the response or the error (message, cause, originalError), and the order in
// which every middleware, the handler and every plugin hook ran.

/** What one step (a before, after or onError function, or the handler) does. */
type Act =
  | 'nothing'
  | 'return'
  | 'throw'
  | 'throw primitive'
  | 'set early'
  | 'set early, throw'
  | 'set response'
  | 'async nothing'
  | 'async return'
  | 'async throw'

const acts: readonly Act[] = [
  'nothing',
  'return',
  'throw',
  'throw primitive',
  'set early',
  'set early, throw',
  'set response',
  'async nothing',
  'async return',
  'async throw',
]
const act = fc.constantFrom(...acts)
const middlewareSpec = fc.record({
  before: fc.option(act, { nil: undefined }),
  after: fc.option(act, { nil: undefined }),
  onError: fc.option(act, { nil: undefined }),
})
const chainSpec = fc.record({
  middlewares: fc.array(middlewareSpec, { maxLength: 4 }),
  handler: act,
  requestEnd: fc.constantFrom('nothing', 'throw', 'async nothing', 'async throw'),
  timeoutEarly: fc.boolean(),
})
type ChainSpec = typeof chainSpec extends fc.Arbitrary<infer T> ? T : never

interface StepRequest {
  response?: unknown
  earlyResponse?: unknown
}

/** The step `label` doing `what`, logging that it ran. */
const step =
  (log: string[], label: string, what: Act) =>
  (request: StepRequest): unknown => {
    log.push(label)
    switch (what) {
      case 'nothing':
        return undefined
      case 'return':
        return `${label} answered`
      case 'throw':
        throw new Error(`${label} failed`)
      case 'throw primitive':
        throw `${label} threw a string`
      case 'set early':
        request.earlyResponse = `${label} early`
        return undefined
      case 'set early, throw':
        request.earlyResponse = `${label} early`
        throw new Error(`${label} failed after answering`)
      case 'set response':
        request.response = `${label} set the response`
        return undefined
      case 'async nothing':
        return Promise.resolve(undefined)
      case 'async return':
        return Promise.resolve(`${label} answered later`)
      case 'async throw':
        return Promise.reject(new Error(`${label} failed later`))
    }
  }

/** An error as far as a caller can tell it apart: message, cause and originalError, a few levels deep. */
const describeError = (error: unknown, depth = 0): unknown => {
  if (!(error instanceof Error) || depth > 3) return error
  const { cause, originalError } = error as Error & { originalError?: unknown }
  return {
    message: error.message,
    cause: describeError(cause, depth + 1),
    originalError: describeError(originalError, depth + 1),
  }
}

type Engine = 'middy' | 'sluice'

/** Builds the chain of `spec` on one engine and runs it once; what came out and the order things ran in. */
const run = async (engine: Engine, spec: ChainSpec) => {
  const log: string[] = []
  const hook = (name: string) => (label?: string) => log.push(label ? `${name} ${label}` : name)
  const plugin = {
    requestStart: () => log.push('requestStart'),
    beforeHandler: hook('beforeHandler'),
    afterHandler: hook('afterHandler'),
    beforeMiddleware: hook('beforeMiddleware'),
    afterMiddleware: hook('afterMiddleware'),
    requestEnd: (request: StepRequest) => step(log, 'requestEnd', spec.requestEnd)(request),
  }
  const timeoutEarlyInMillis = spec.timeoutEarly ? 1_000 : 0
  const handler = (request: StepRequest) => step(log, 'handler', spec.handler)(request)
  const middlewares = spec.middlewares.map((m, i) => {
    // Named functions: middy hands a middleware's name to beforeMiddleware / afterMiddleware.
    const named = (kind: string, what: Act | undefined) => {
      if (what === undefined) return undefined
      const fn = step(log, `${kind}${i}`, what)
      Object.defineProperty(fn, 'name', { value: `${kind}${i}` })
      return fn
    }
    return {
      before: named('before', m.before),
      after: named('after', m.after),
      onError: named('onError', m.onError),
    }
  })
  const usable = middlewares.filter((m) => m.before || m.after || m.onError) as middy.MiddlewareObj[]
  // The handler gets an object with `response` to set, like a step: a handler's own return value is its answer.
  const business = (_event: unknown) => handler({})
  let built: (event: unknown, context: ReturnType<typeof createContext>) => Promise<unknown>
  if (engine === 'middy') {
    const base = middy({ ...plugin, timeoutEarlyInMillis })
    for (const m of usable) base.use(m)
    built = base.handler(business)
  } else {
    let base = lambda({ plugin, timeoutEarlyInMillis })
    for (const m of usable) base = base.use(m)
    built = base.handler(business)
  }
  try {
    const response = await built({}, createContext({ timeoutMs: 60_000 }))
    return { log, response }
  } catch (error) {
    return { log, error: describeError(error) }
  }
}

describe('lambda() runs middy chains as middy does', () => {
  test('random chains: the same response or error, and the same order of steps and hooks', async () => {
    await fc.assert(
      fc.asyncProperty(chainSpec, async (spec) => {
        expect(await run('sluice', spec)).toEqual(await run('middy', spec))
      }),
      { numRuns: 400 },
    )
  })

  test("the handler's third argument is middy's { signal }, never aborted without middy's early timeout", async () => {
    const seen: boolean[] = []
    const handler = lambda().handler(((
      _event: unknown,
      _context: unknown,
      options: { signal: AbortSignal },
    ) => {
      seen.push(options.signal instanceof AbortSignal, options.signal.aborted)
      return 'ok'
    }) as never)
    expect(await handler({}, createContext())).toBe('ok')
    expect(seen).toEqual([true, false])
  })
})
