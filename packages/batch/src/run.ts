import { TimeoutError, type TimerSource } from '@sluice/timeout'
import type { Context } from 'aws-lambda'
import type { Lanes } from './lanes.ts'
import type { BatchSettings } from './options.ts'
import { decodePayload } from './payload.ts'
import { RecordCtx, type RecordSource } from './record-context.ts'
import type { BatchSource } from './source.ts'

/** Record states; the response is built from them. */
export const PENDING = 0
export const RUNNING = 1
export const DONE = 2
export const FAILED = 3
export const BLOCKED = 4

// setTimeout fires at once for delays above 2^31 − 1 ms; Lambda's longest timeout is far below.
const LONGEST_TIMER = 2_147_483_647

/** When the run stops starting records, and the latest it may return. */
export interface RunTiming {
  readonly deadline: number
  readonly marginMs: number
  readonly stopAt: number
  readonly returnBy: number
}

type Handler = (item: unknown, ctx: RecordCtx) => unknown

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function'

/**
 * One `processBatch` call: record states, the deadline timer, the grace timer and the lazily made abort
 * signal. Workers pull lanes; `done` settles when every worker has finished or the grace period ran out,
 * whichever comes first, so a hung record never holds the response. No timer outlives `done`.
 */
export class BatchRun implements RecordSource {
  readonly records: ReadonlyArray<unknown>
  readonly ids: ReadonlyArray<string>
  readonly context: Context | undefined
  readonly states: Uint8Array
  readonly errors = new Map<number, unknown>()
  readonly lanes: Lanes
  readonly timing: RunTiming
  /** No record starts once stopped. */
  stopped = false
  /** The response is being built: states no longer change. */
  finished = false
  nextLane = 0
  readonly #source: BatchSource
  readonly #handler: Handler
  readonly #settings: BatchSettings
  readonly #clock: TimerSource
  #active = 0
  #controller: AbortController | undefined
  #timer: unknown
  #armed = false
  #resolve: (() => void) | undefined

  constructor(
    input: { source: BatchSource; records: ReadonlyArray<unknown>; ids: ReadonlyArray<string>; lanes: Lanes },
    handler: Handler,
    settings: BatchSettings,
    context: Context | undefined,
    timing: RunTiming,
  ) {
    this.#source = input.source
    this.records = input.records
    this.ids = input.ids
    this.lanes = input.lanes
    this.states = new Uint8Array(input.records.length)
    this.#handler = handler
    this.#settings = settings
    this.#clock = settings.clock
    this.context = context
    this.timing = timing
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.stopped) this.#controller.abort(this.#reason())
    }
    return this.#controller.signal
  }

  makeLog(record: unknown): unknown {
    return this.#settings.log?.(record, this.context)
  }

  /**
   * Starts `width` workers; returns `undefined` when everything already finished synchronously, else a promise
   * that resolves once the run is done (all records settled, or the grace period after the deadline ran out).
   */
  start(worker: (run: BatchRun) => Promise<void>): Promise<void> | undefined {
    const width = this.lanes.width
    if (width === 0) return undefined
    this.#active = width
    for (let w = 0; w < width; w++) void worker(this)
    if (this.finished) return undefined
    return new Promise<void>((resolve) => {
      this.#resolve = resolve
    })
  }

  /** The deadline check before each record: false once stopped, or when the time left is under the margin. */
  mayStart(): boolean {
    if (this.stopped) return false
    if (this.#clock.now() < this.timing.stopAt) return true
    this.stop()
    return false
  }

  /** Runs record `index`: the payload (when a schema is set), the wrap hook, the handler. Value or thenable. */
  exec(index: number): unknown {
    this.states[index] = RUNNING
    const ctx = new RecordCtx(this, index)
    const schema = this.#settings.schema
    if (schema === undefined) return this.#invoke(this.records[index], ctx)
    const item = decodePayload(this.#source, this.records[index], index, schema)
    return isThenable(item) ? item.then((value) => this.#invoke(value, ctx)) : this.#invoke(item, ctx)
  }

  #invoke(item: unknown, ctx: RecordCtx): unknown {
    const wrap = this.#settings.wrapRecord
    if (wrap === undefined) return this.#handler(item, ctx)
    const handler = this.#handler
    return wrap(ctx.record, async () => handler(item, ctx), this.context)
  }

  /** A record's result is a promise: from now on the deadline needs a timer (a hung record checks nothing). */
  arm(): void {
    if (this.#armed || this.stopped) return
    this.#armed = true
    const delay = this.timing.stopAt - this.#clock.now()
    if (delay <= LONGEST_TIMER) this.#timer = this.#clock.setTimeout(this.#onDeadline, Math.max(0, delay))
  }

  succeed(index: number): void {
    if (!this.finished) this.states[index] = DONE
  }

  fail(index: number, error: unknown): void {
    if (this.finished) return
    this.states[index] = FAILED
    this.errors.set(index, error)
  }

  /** Lane positions `[from, to)` never run: an earlier record of the lane failed. */
  block(from: number, to: number): void {
    if (this.finished) return
    const order = this.lanes.order
    for (let position = from; position < to; position++) {
      this.states[order === undefined ? position : (order[position] as number)] = BLOCKED
    }
  }

  workerDone(): void {
    this.#active -= 1
    if (this.#active === 0) this.#finish()
  }

  /** No more records start; records in flight get their signal and the grace period, then the run is done. */
  stop(): void {
    if (this.stopped) return
    this.stopped = true
    this.#clearTimer()
    this.#controller?.abort(this.#reason())
    if (this.#active === 0) return
    const now = this.#clock.now()
    const until = Math.min(now + this.#settings.graceMs, this.timing.returnBy)
    this.#timer = this.#clock.setTimeout(this.#finish, Math.max(0, until - now))
  }

  #onDeadline = (): void => {
    this.#timer = undefined
    this.stop()
  }

  #finish = (): void => {
    if (this.finished) return
    this.finished = true
    this.stopped = true
    this.#clearTimer()
    this.#resolve?.()
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return
    this.#clock.clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #reason(): TimeoutError {
    return new TimeoutError({ deadline: this.timing.deadline, marginMs: this.timing.marginMs })
  }
}

/**
 * A worker: takes the next lane while there is one and runs its records in order, checking the deadline before
 * each. A synchronous result needs no await (the fast path); a failure blocks the rest of its lane.
 *
 * @example
 * const done = run.start(laneWorker)
 */
export async function laneWorker(run: BatchRun): Promise<void> {
  const { count, bounds } = run.lanes
  const order = run.lanes.order
  try {
    for (let lane = run.nextLane++; lane < count; lane = run.nextLane++) {
      const from = bounds === undefined ? lane : (bounds[lane] as number)
      const to = bounds === undefined ? lane + 1 : (bounds[lane + 1] as number)
      for (let position = from; position < to; position++) {
        if (!run.mayStart()) return
        const index = order === undefined ? position : (order[position] as number)
        try {
          const result = run.exec(index)
          if (isThenable(result)) {
            run.arm()
            await result
          }
          run.succeed(index)
        } catch (error) {
          run.fail(index, error)
          run.block(position + 1, to)
          break
        }
      }
    }
  } finally {
    run.workerDone()
  }
}
