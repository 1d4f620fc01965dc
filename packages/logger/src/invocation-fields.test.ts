// Several invocations in flight at once in one process, as Lambda Managed Instances run them: each waits on the
// others' progress (deferred promises), so their log calls interleave. Outside the Lambda runtime core's own
// store finds the current invocation; the real runtime's store is covered by test/logger/managed-instances.test.ts.
import { lambda } from '@sluice/core'
import { createContext, invoke, invokeResult } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { childForRecord } from './child-for-record.ts'
import { createLogger } from './create-logger.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

interface Event {
  readonly headers: { 'x-correlation-id': string }
  readonly Records: Array<{ messageId: string }>
  readonly fail?: boolean
}

const event = (name: string, fail = false): Event => ({
  headers: { 'x-correlation-id': `corr-${name}` },
  Records: [{ messageId: `msg-${name}` }],
  fail,
})

/** Invocations that each pause twice; the test decides who goes on, so their lines interleave as it says. */
const turns = (names: readonly string[]) => {
  const gates = new Map(names.map((name) => [name, [Promise.withResolvers<void>(), Promise.withResolvers()]]))
  const arrived = new Map(
    names.map((name) => [name, [Promise.withResolvers<void>(), Promise.withResolvers()]]),
  )
  /** Lets `name` on from pause `n` once it got there; from the first pause, until it reaches the second. */
  const go = async (name: string, n: 0 | 1) => {
    await arrived.get(name)?.[n]?.promise
    gates.get(name)?.[n]?.resolve()
    if (n === 0) await arrived.get(name)?.[1]?.promise
  }
  return {
    /** Called by invocation `name` at its pause `n`: says it got there, then waits to be let on. */
    pause: async (name: string, n: 0 | 1) => {
      arrived.get(name)?.[n]?.resolve()
      await gates.get(name)?.[n]?.promise
    },
    go,
    arrived: (name: string, n: 0 | 1) => arrived.get(name)?.[n]?.promise,
    /** Waits until every invocation reached its first pause, then lets them on one step at a time, in `order`. */
    play: async (order: ReadonlyArray<readonly [string, 0 | 1]>) => {
      for (const name of names) await arrived.get(name)?.[0]?.promise
      for (const [name, n] of order) await go(name, n)
    },
  }
}

const names = ['a', 'b', 'c'] as const

/**
 * A buffering logger() chain whose invocations each keep a debug line, then wait at turn 0 for the test; `rest`
 * is what each does after that.
 */
const bufferedChain = (
  who: readonly string[],
  rest: (
    name: string,
    incoming: Event,
    context: { log: { debug(message: string): void } },
    tools: { middleware: ReturnType<typeof logger>; steps: ReturnType<typeof turns> },
  ) => Promise<void>,
) => {
  const out = memoryDestination()
  const steps = turns(who)
  const middleware = logger({ destination: out, pretty: false, buffer: true })
  const handler = lambda<Event>()
    .use(middleware)
    .handler(async (incoming, context) => {
      const name = incoming.headers['x-correlation-id'].slice(5)
      context.log.debug(`kept by ${name}`)
      await steps.pause(name, 0)
      await rest(name, incoming, context, { middleware, steps })
    })
  return { out, steps, handler }
}

describe('a module-scope logger with invocations interleaved', () => {
  test('writes each line with the fields of the invocation it runs in, and children never take another’s', async () => {
    const out = memoryDestination()
    const root = createLogger({ destination: out, pretty: false, service: 'orders' })
    // A helper deep in the handler that logs through the module-scope root.
    const store = (id: string) => root.info({ id }, 'stored')
    const steps = turns(names)
    const handler = lambda<Event>()
      .use(logger({ root }))
      .handler(async (incoming, context) => {
        const name = incoming.Records[0]?.messageId.slice(4) ?? '?'
        root.info('started')
        await steps.pause(name, 0)
        context.log.info('working')
        store(name)
        await steps.pause(name, 1)
        childForRecord(context.log, incoming.Records[0]).info('record done')
        root.child({ step: 'end' }).info('ended')
      })
    const contexts = new Map(names.map((name) => [name, createContext({ tenantId: `tenant-${name}` })]))
    const runs = names.map((name) => invoke(handler, event(name), { context: contexts.get(name) }))
    // a, b and c all started before any goes on; then they go on in an order none of them started in.
    await steps.play([
      ['c', 0],
      ['a', 0],
      ['c', 1],
      ['b', 0],
      ['a', 1],
      ['b', 1],
    ])
    await Promise.all(runs)

    const lines = out.records()
    expect(lines).toHaveLength(names.length * 5)
    // The lines did interleave: c's working line came before a's.
    const order = lines.map((line) => `${line.msg}:${line.correlationId}`)
    expect(order.indexOf('working:corr-c')).toBeLessThan(order.indexOf('working:corr-a'))
    for (const name of names) {
      const context = contexts.get(name)
      const own = lines.filter((line) => line.requestId === context?.awsRequestId)
      expect(own.map((line) => line.msg)).toEqual(['started', 'working', 'stored', 'record done', 'ended'])
      for (const line of own) {
        expect(line).toMatchObject({
          service: 'orders',
          tenantId: `tenant-${name}`,
          correlationId: `corr-${name}`,
          functionName: context?.functionName,
          coldStart: name === 'a',
        })
      }
      expect(own.find((line) => line.msg === 'record done')).toMatchObject({ recordId: `msg-${name}` })
    }
    // Each field once per line, whether bound by the middleware, a child, or added for the root.
    for (const line of out.lines) expect(line.match(/"requestId"/g)).toHaveLength(1)
  })

  test('without the middleware, lines carry what the context says; a child bound by hand gets nothing twice', async () => {
    const out = memoryDestination()
    const root = createLogger({ destination: out, pretty: false, fieldNames: 'powertools' })
    const steps = turns(names)
    const handler = lambda().handler(async (_event, context) => {
      const name = context.tenantId ?? '?'
      await steps.pause(name, 0)
      root.info('plain')
      await steps.pause(name, 1)
      root.child({ function_request_id: context.awsRequestId, by: 'hand' }).info('bound by hand')
    })
    const contexts = names.map((name) => createContext({ tenantId: name, functionName: `fn-${name}` }))
    const runs = contexts.map((context) => invoke(handler, {}, { context }))
    await steps.play([
      ['b', 0],
      ['c', 0],
      ['a', 0],
      ['c', 1],
      ['a', 1],
      ['b', 1],
    ])
    await Promise.all(runs)
    root.info('after')

    const lines = out.records()
    for (const context of contexts) {
      expect(lines.filter((line) => line.function_request_id === context.awsRequestId)).toEqual([
        expect.objectContaining({
          message: 'plain',
          function_name: context.functionName,
          tenant_id: context.tenantId,
          cold_start: context.tenantId === 'a',
          sampling_rate: 0,
        }),
        expect.objectContaining({ message: 'bound by hand', by: 'hand' }),
      ])
    }
    for (const line of out.lines) expect(line.match(/"function_request_id"/g)?.length ?? 0).toBeLessThan(2)
    expect(lines.at(-1)).not.toHaveProperty('function_request_id')
  })
})

describe('log buffering with invocations interleaved', () => {
  test('each keeps its own lines: the one that fails writes its own, the one that succeeds drops its own', async () => {
    const { out, steps, handler } = bufferedChain(
      names,
      async (name, incoming, context, { middleware, steps }) => {
        context.log.debug(`kept later by ${name}`)
        // c stands for a timeout guard's flush: called inside its invocation, it writes c's lines only.
        if (name === 'c') middleware.flush()
        await steps.pause(name, 1)
        if (incoming.fail) throw new Error(`${name} failed`)
      },
    )
    const runs = [
      invokeResult(handler, event('a', true)),
      invokeResult(handler, event('b')),
      invokeResult(handler, event('c')),
    ]
    await steps.play([
      ['b', 0],
      ['a', 0],
      ['c', 0],
      ['a', 1],
    ])
    expect((await runs[0])?.ok).toBe(false)
    const afterA = out.records().map((line) => line.msg)
    await steps.play([
      ['b', 1],
      ['c', 1],
    ])
    await Promise.all(runs)

    expect(afterA).toEqual(['kept by c', 'kept later by c', 'kept by a', 'kept later by a'])
    expect(out.records().map((line) => line.msg)).toEqual(afterA)
  })

  test('flush() from a timer an invocation set (a timeout guard firing) writes that invocation’s lines only', async () => {
    const { out, steps, handler } = bufferedChain(
      ['a', 'b'],
      async (name, _incoming, _context, { middleware, steps }) => {
        await new Promise<void>((resolve) =>
          setTimeout(() => {
            middleware.flush()
            resolve()
          }, 1),
        )
        await steps.pause(name, 1)
      },
    )
    const runs = [invoke(handler, event('a')), invoke(handler, event('b'))]
    await Promise.all([steps.arrived('a', 0), steps.arrived('b', 0)])
    await steps.go('b', 0)
    expect(out.records().map((line) => line.msg)).toEqual(['kept by b'])
    await steps.go('a', 0)
    expect(out.records().map((line) => line.msg)).toEqual(['kept by b', 'kept by a'])
    await Promise.all([steps.go('a', 1), steps.go('b', 1)])
    await Promise.all(runs)
  })
})
