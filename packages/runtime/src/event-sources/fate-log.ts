import { SluiceRuntimeError } from '../errors.ts'
import {
  type Fate,
  type FateState,
  type FateStep,
  isFinal,
  type SourceActivity,
  type SourceTime,
} from './source-types.ts'

type MutableFate = { source: string; id: string; receiveCount: number; state: FateState; steps: FateStep[] }

/**
 * The record every source keeps: one fate per message, its steps, listeners told of each step and batch, and
 * `quiet()` for "nothing left to do". Sources call `track` when a message arrives, `delivered` each time it is
 * handed to the function, `step` as it moves, and `busy`/`idle` around work that is not a message's (a poll, a
 * pending invocation).
 *
 * @example
 * const log = new FateLog('orders', time)
 * log.track('m-1'); log.delivered('m-1', requestId); log.step('m-1', 'processed', { requestId })
 */
export class FateLog {
  readonly #fates = new Map<string, MutableFate>()
  readonly #listeners = new Set<(activity: SourceActivity) => void>()
  readonly #waiters = new Set<() => void>()
  #open = 0
  #busy = 0

  readonly source: string
  readonly time: SourceTime

  constructor(source: string, time: SourceTime) {
    this.source = source
    this.time = time
  }

  /** Starts the fate of a message that just arrived (`queued`). */
  track(id: string): void {
    const fate: MutableFate = { source: this.source, id, receiveCount: 0, state: 'queued', steps: [] }
    this.#fates.set(id, fate)
    this.#open++
    this.#record(fate, { at: this.time.now(), state: 'queued' })
  }

  /** One more delivery of `id` to the function (`in-flight`); returns its receive count. */
  delivered(id: string, requestId?: string): number {
    const fate = this.#get(id)
    fate.receiveCount++
    this.step(id, 'in-flight', requestId === undefined ? {} : { requestId })
    return fate.receiveCount
  }

  /** Moves `id` to `state`; a final state closes it (later steps are ignored: an end is an end). */
  step(
    id: string,
    state: FateState,
    detail: { readonly requestId?: string; readonly reason?: string } = {},
  ): void {
    const fate = this.#get(id)
    if (isFinal(fate.state)) return
    this.#record(fate, { at: this.time.now(), state, ...detail })
    if (isFinal(state)) {
      this.#open--
      this.#settle()
    }
  }

  /** Tells listeners of a batch's outcome. */
  batch(activity: Omit<Extract<SourceActivity, { kind: 'batch' }>, 'kind' | 'source'>): void {
    this.#emit({ kind: 'batch', source: this.source, ...activity })
  }

  /** Marks work in progress that is not a message's own (keeps `quiet()` waiting); returns the matching `idle`. */
  busy(): () => void {
    this.#busy++
    let done = false
    return () => {
      if (done) return
      done = true
      this.#busy--
      this.#settle()
    }
  }

  get(id: string): Fate | undefined {
    return this.#fates.get(id)
  }

  has(id: string): boolean {
    return this.#fates.has(id)
  }

  fates(): readonly Fate[] {
    return [...this.#fates.values()].map((fate) => ({ ...fate, steps: [...fate.steps] }))
  }

  onActivity(listener: (activity: SourceActivity) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Resolves when every tracked message has ended and no work is in progress. */
  quiet(options: { readonly timeoutMs?: number } = {}): Promise<void> {
    if (this.#isQuiet()) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        this.#waiters.delete(done)
        resolve()
      }
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.#waiters.delete(done)
              const open = [...this.#fates.values()].filter((fate) => !isFinal(fate.state))
              reject(
                new SluiceRuntimeError(
                  'EVENT_SOURCE_NOT_QUIET',
                  `${this.source}: ${open.length} message(s) still open after ${options.timeoutMs} ms ` +
                    `(${open
                      .slice(0, 5)
                      .map((fate) => `${fate.id}: ${fate.state}`)
                      .join(', ')}); raise timeScale or timeoutMs`,
                ),
              )
            }, options.timeoutMs)
      this.#waiters.add(done)
    })
  }

  #isQuiet(): boolean {
    return this.#open === 0 && this.#busy === 0
  }

  #settle(): void {
    if (!this.#isQuiet()) return
    for (const waiter of [...this.#waiters]) waiter()
  }

  #get(id: string): MutableFate {
    const fate = this.#fates.get(id)
    if (!fate)
      throw new SluiceRuntimeError('INVALID_ARGUMENT', `${this.source}: no message ${id} was tracked`)
    return fate
  }

  #record(fate: MutableFate, step: FateStep): void {
    fate.state = step.state
    fate.steps.push(step)
    // A snapshot per step costs a copy of every earlier step: only take it when someone is listening.
    if (this.#listeners.size > 0)
      this.#emit({ kind: 'fate', source: this.source, fate: { ...fate, steps: [...fate.steps] }, step })
  }

  #emit(activity: SourceActivity): void {
    for (const listener of this.#listeners) listener(activity)
  }
}
