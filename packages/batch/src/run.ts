import { type Clock, isThenable, TimeoutError } from '@sluice/core'
import type { Context } from 'aws-lambda'
import type { ItemDecoder } from './item-decoder.ts'
import type { Lanes } from './lanes.ts'
import type { BatchSettings } from './options.ts'
import type { PayloadSchema } from './payload.ts'
import { RecordCtx, type RecordHandler, type RecordSource } from './record-context.ts'

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

/**
 * What one run works on: the records (and their identifiers, lanes and decoder) and the handler, typed alike.
 *
 * @example
 * const plan: RunPlan<Order, SQSRecord, unknown> = { records, ids, lanes, decode, handler, timing }
 */
export interface RunPlan<TItem, TRecord, TLog> {
  readonly records: ReadonlyArray<TRecord>
  readonly ids: ReadonlyArray<string>
  readonly lanes: Lanes
  readonly decode: ItemDecoder<TRecord, TItem>
  readonly handler: RecordHandler<TItem, TRecord, TLog>
  readonly timing: RunTiming
}

/**
 * One `processBatch` call: record states, the lane workers, the deadline timer, the grace timer and the lazily made
 * abort signal — all its own. `start()` runs the workers; it settles when every worker has finished or the grace
 * period ran out, whichever comes first, so a hung record never holds the response. No timer outlives it.
 *
 * @example
 * const run = new BatchRun(plan, settings, context)
 * await run.start()
 * run.stateOf(0) // DONE
 */
export class BatchRun<TItem, TRecord, TLog> implements RecordSource<TRecord, TLog> {
  readonly records: ReadonlyArray<TRecord>
  readonly ids: ReadonlyArray<string>
  readonly context: Context | undefined
  readonly timing: RunTiming
  readonly #states: Uint8Array
  readonly #errors = new Map<number, unknown>()
  readonly #lanes: Lanes
  readonly #decode: ItemDecoder<TRecord, TItem>
  readonly #handler: RecordHandler<TItem, TRecord, TLog>
  readonly #settings: BatchSettings<TRecord, PayloadSchema | undefined, TLog>
  readonly #clock: Clock
  /** No record starts once stopped. */
  #stopped = false
  /** The response is being built: states no longer change. */
  #finished = false
  #nextLane = 0
  #active = 0
  #controller: AbortController | undefined
  #timer: unknown
  #armed = false
  #resolve: (() => void) | undefined

  constructor(
    plan: RunPlan<TItem, TRecord, TLog>,
    settings: BatchSettings<TRecord, PayloadSchema | undefined, TLog>,
    context: Context | undefined,
  ) {
    this.records = plan.records
    this.ids = plan.ids
    this.#lanes = plan.lanes
    this.#decode = plan.decode
    this.#handler = plan.handler
    this.timing = plan.timing
    this.#states = new Uint8Array(plan.records.length)
    this.#settings = settings
    this.#clock = settings.clock
    this.context = context
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#stopped) this.#controller.abort(this.#reason())
    }
    return this.#controller.signal
  }

  makeLog(record: TRecord): TLog {
    // Without the `log` option TLog is its default, `unknown`, which `undefined` is.
    return this.#settings.log?.(record, this.context) as TLog
  }

  /** How many records the run has. */
  get size(): number {
    return this.#states.length
  }

  /** Record `index`'s state: `PENDING`, `RUNNING`, `DONE`, `FAILED` or `BLOCKED`. */
  stateOf(index: number): number {
    return this.#states[index] as number
  }

  /** What record `index` threw, if it failed. */
  errorOf(index: number): unknown {
    return this.#errors.get(index)
  }

  /** Every error a record threw, in the order they were thrown. */
  errors(): unknown[] {
    return [...this.#errors.values()]
  }

  /**
   * Starts the lane workers; returns `undefined` when everything already finished synchronously, else a promise
   * that resolves once the run is done (all records settled, or the grace period after the deadline ran out).
   */
  start(): Promise<void> | undefined {
    const width = this.#lanes.width
    if (width === 0) return undefined
    this.#active = width
    for (let w = 0; w < width; w++) void this.#work()
    if (this.#finished) return undefined
    return new Promise<void>((resolve) => {
      this.#resolve = resolve
    })
  }

  /**
   * A worker: takes the next lane while there is one and runs its records in order, checking the deadline before
   * each. A synchronous result needs no await (the fast path); a failure blocks the rest of its lane.
   */
  async #work(): Promise<void> {
    const { count, bounds, order } = this.#lanes
    try {
      for (let lane = this.#nextLane++; lane < count; lane = this.#nextLane++) {
        const from = bounds === undefined ? lane : (bounds[lane] as number)
        const to = bounds === undefined ? lane + 1 : (bounds[lane + 1] as number)
        for (let position = from; position < to; position++) {
          if (!this.#mayStart()) return
          const index = order === undefined ? position : (order[position] as number)
          try {
            const result = this.#exec(index)
            if (isThenable(result)) {
              this.#arm()
              await result
            }
            if (!this.#finished) this.#states[index] = DONE
          } catch (error) {
            this.#fail(index, error)
            this.#block(position + 1, to)
            break
          }
        }
      }
    } finally {
      this.#active -= 1
      if (this.#active === 0) this.#finish()
    }
  }

  /** The deadline check before each record: false once stopped, or when the time left is under the margin. */
  #mayStart(): boolean {
    if (this.#stopped) return false
    if (this.#clock.now() < this.timing.stopAt) return true
    this.#stop()
    return false
  }

  /** Runs record `index`: the payload (when a schema is set), the wrap hook, the handler. Value or thenable. */
  #exec(index: number): unknown {
    this.#states[index] = RUNNING
    const ctx = new RecordCtx<TRecord, TLog>(this, index)
    const item = this.#decode(this.records[index] as TRecord, index)
    return isThenable(item) ? item.then((value) => this.#invoke(value, ctx)) : this.#invoke(item, ctx)
  }

  #invoke(item: TItem, ctx: RecordCtx<TRecord, TLog>): unknown {
    const wrap = this.#settings.wrapRecord
    if (wrap === undefined) return this.#handler(item, ctx)
    const handler = this.#handler
    return wrap(ctx.record, async () => handler(item, ctx), this.context)
  }

  /** A record's result is a promise: from now on the deadline needs a timer (a hung record checks nothing). */
  #arm(): void {
    if (this.#armed || this.#stopped) return
    this.#armed = true
    const delay = this.timing.stopAt - this.#clock.now()
    if (delay <= LONGEST_TIMER) this.#timer = this.#clock.setTimeout(this.#onDeadline, Math.max(0, delay))
  }

  #fail(index: number, error: unknown): void {
    if (this.#finished) return
    this.#states[index] = FAILED
    this.#errors.set(index, error)
  }

  /** Lane positions `[from, to)` never run: an earlier record of the lane failed. */
  #block(from: number, to: number): void {
    if (this.#finished) return
    const order = this.#lanes.order
    for (let position = from; position < to; position++) {
      this.#states[order === undefined ? position : (order[position] as number)] = BLOCKED
    }
  }

  /** No more records start; records in flight get their signal and the grace period, then the run is done. */
  #stop(): void {
    if (this.#stopped) return
    this.#stopped = true
    this.#clearTimer()
    this.#controller?.abort(this.#reason())
    if (this.#active === 0) return
    const now = this.#clock.now()
    const until = Math.min(now + this.#settings.graceMs, this.timing.returnBy)
    this.#timer = this.#clock.setTimeout(this.#finish, Math.max(0, until - now))
  }

  #onDeadline = (): void => {
    this.#timer = undefined
    this.#stop()
  }

  #finish = (): void => {
    if (this.#finished) return
    this.#finished = true
    this.#stopped = true
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
