import { lambda } from '@sluice/core'
import { after, createClock, createContext, invoke, type VirtualClock } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { sleep } from './sleep.ts'
import { timeout } from './timeout.ts'

// Managed Instances run many invocations at once in one process, through one handler and so one timeout():
// each must be guarded from its own deadline, and no guard may fire, disarm or answer for another.

interface Job {
  readonly id: string
  readonly timeoutMs: number
  readonly workMs: number
  readonly startMs: number
}

// The margin is 500 ms for every job (the default, as 10 % of the longest timeout is 500 ms).
const jobs: readonly Job[] = [
  { id: 'a', timeoutMs: 1_000, workMs: 2_000, startMs: 0 }, // guard fires at 500
  { id: 'b', timeoutMs: 3_000, workMs: 1_000, startMs: 0 }, // done at 1000
  { id: 'c', timeoutMs: 2_000, workMs: 5_000, startMs: 200 }, // guard fires at 1700
  { id: 'd', timeoutMs: 5_000, workMs: 1_500, startMs: 600 }, // starts after a's guard fired, done at 2100
]

type Seen<T> = { value: T; settledAt: number }

/** Starts each job at its time on the virtual clock, with a context of its own, and notes when each settled. */
const runAll = async <T>(
  clock: VirtualClock,
  run: (job: Job) => Promise<T>,
): Promise<Map<string, Seen<T>>> => {
  const seen = new Map<string, Seen<T>>()
  const running: Promise<void>[] = []
  for (const job of jobs) {
    clock.setTimeout(() => {
      running.push(
        run(job).then((value) => {
          seen.set(job.id, { value, settledAt: clock.now() })
        }),
      )
    }, job.startMs)
  }
  await clock.advance(6_000)
  await Promise.all(running)
  return seen
}

describe('one guard per invocation, many invocations in flight in one process', () => {
  test('timeout().wrap(): each times out from its own deadline, the others finish untouched', async () => {
    const clock = createClock(0)
    const abortedAt = new Map<string, number>()
    const guard = timeout({ clock, onTimeout: (request) => ({ timedOut: (request.event as Job).id }) })
    const handler = guard.wrap(
      lambda<Job>({ clock })
        .use(guard)
        .handler(async (job, context) => {
          context.timeout.signal.addEventListener('abort', () => abortedAt.set(job.id, clock.now()))
          await after(clock, job.workMs) // ignores the signal: only the guard can answer in time
          return { done: job.id }
        }),
    )
    const seen = await runAll(clock, (job) =>
      handler(job, createContext({ clock, timeoutMs: job.timeoutMs })),
    )
    expect(Object.fromEntries(seen)).toEqual({
      a: { value: { timedOut: 'a' }, settledAt: 500 },
      b: { value: { done: 'b' }, settledAt: 1_000 },
      c: { value: { timedOut: 'c' }, settledAt: 1_700 },
      d: { value: { done: 'd' }, settledAt: 2_100 },
    })
    expect(Object.fromEntries(abortedAt)).toEqual({ a: 500, c: 1_700 })
    expect(clock.pending()).toBe(0)
  })

  test('timeout() alone: the signal of each invocation aborts at its own deadline − margin', async () => {
    const clock = createClock(0)
    const handler = lambda<Job>({ clock })
      .use(
        timeout({
          clock,
          onTimeout: (request) => ({ timedOut: (request.event as Job).id, at: clock.now() }),
        }),
      )
      .handler(async (job, context) => {
        await sleep(job.workMs, { clock, signal: context.timeout.signal })
        return { done: job.id }
      })
    const seen = await runAll(clock, (job) =>
      handler(job, createContext({ clock, timeoutMs: job.timeoutMs })),
    )
    expect(Object.fromEntries(seen)).toEqual({
      a: { value: { timedOut: 'a', at: 500 }, settledAt: 500 },
      b: { value: { done: 'b' }, settledAt: 1_000 },
      c: { value: { timedOut: 'c', at: 1_700 }, settledAt: 1_700 },
      d: { value: { done: 'd' }, settledAt: 2_100 },
    })
    expect(clock.pending()).toBe(0)
  })

  test('streaming: the guard ends only its own invocation’s stream', async () => {
    const clock = createClock(0)
    const handler = lambda<Job>({ clock })
      .use(timeout({ clock }))
      .stream(async (job, stream) => {
        for (let at = 0; at < job.workMs; at += 500) {
          stream.write(`${job.id}@${clock.now()};`)
          await after(clock, 500)
        }
        stream.end('end')
      })
    const seen = await runAll(clock, (job) => invoke(handler, job, { clock, timeoutMs: job.timeoutMs }))
    const outcome = (id: string) => seen.get(id)?.value
    expect(outcome('a')).toMatchObject({ body: 'a@0;', error: { errorType: 'TimeoutError' } })
    expect(outcome('b')).toMatchObject({ body: 'b@0;b@500;end' })
    expect(outcome('b')?.error).toBeUndefined()
    expect(outcome('c')).toMatchObject({ body: 'c@200;c@700;c@1200;', error: { errorType: 'TimeoutError' } })
    expect(outcome('d')).toMatchObject({ body: 'd@600;d@1100;d@1600;end' })
    expect(outcome('d')?.error).toBeUndefined()
    expect(seen.get('c')?.settledAt).toBe(1_700)
  })
})
