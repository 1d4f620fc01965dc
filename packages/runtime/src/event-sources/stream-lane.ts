import type { FateLog } from './fate-log.ts'
import type { InvokeTarget } from './source-types.ts'
import { batchLength, bisect, expiredPrefix, type StreamEntry, streamEvent } from './stream-batch.ts'
import type { StreamFailureCondition } from './stream-failure-record.ts'
import type { StreamMapping } from './stream-options.ts'
import { readStreamResponse } from './stream-response.ts'

/** Records Lambda is working through as one batch, and what it has cost so far. */
export interface StreamSegment {
  entries: StreamEntry[]
  /** Failed attempts that count against maximumRetryAttempts (bisect splits do not). */
  retries: number
  /** Invocations that carried these records (approximateInvokeCount). */
  invokes: number
  requestId: string | undefined
  functionError: string | undefined
}

/** What a lane needs from its stream. */
export interface StreamLaneContext {
  readonly log: FateLog
  readonly target: InvokeTarget
  readonly mapping: StreamMapping
  /** maximumRecordAgeInSeconds in ms, or the retention period when it is -1. */
  readonly maxAgeMs: number
  readonly signal: AbortSignal
  /** Lambda gives up on `segment`'s records: the destination record, the fates. */
  readonly discard: (segment: StreamSegment, condition: StreamFailureCondition) => void
}

// before-invocation failures (the runtime is gone) are retried after this long, until the records expire
const INVOKE_RETRY_MS = 1000

/**
 * One ordered lane of a shard (a shard has `parallelizationFactor` of them): batches run one at a time, and a
 * failed batch blocks the lane until it succeeds, its retries run out or its records grow too old.
 *
 * @example
 * const lane = new StreamLane(context)
 * lane.push(entry) // starts polling if the lane was idle
 */
export class StreamLane {
  readonly #context: StreamLaneContext
  readonly #pending: StreamEntry[] = []
  readonly #segments: StreamSegment[] = []
  #running: Promise<void> | undefined
  #filled: (() => void) | undefined

  constructor(context: StreamLaneContext) {
    this.#context = context
  }

  push(entry: StreamEntry): void {
    this.#pending.push(entry)
    if (this.#pending.length >= this.#context.mapping.batchSize) this.#filled?.()
    if (!this.#running) this.#running = this.#run().catch(() => undefined)
  }

  /** Resolves when the lane has nothing to run or was stopped. */
  settled(): Promise<void> {
    return this.#running ?? Promise.resolve()
  }

  async #run(): Promise<void> {
    try {
      await this.#loop()
    } finally {
      this.#running = undefined
    }
  }

  async #loop(): Promise<void> {
    const { signal, mapping, maxAgeMs, log } = this.#context
    while (!signal.aborted) {
      let segment = this.#segments[0]
      if (segment === undefined) {
        if (this.#pending.length === 0) break
        await this.#gather()
        const entries = this.#pending.splice(0, batchLength(this.#pending, mapping.batchSize))
        segment = { entries, retries: 0, invokes: 0, requestId: undefined, functionError: undefined }
        this.#segments.push(segment)
      }
      const expired = expiredPrefix(segment.entries, log.time.now(), maxAgeMs)
      if (expired > 0) {
        const old = segment.entries.slice(0, expired)
        segment.entries = segment.entries.slice(expired)
        if (segment.entries.length === 0) this.#segments.shift()
        this.#context.discard({ ...segment, entries: old }, 'RecordAgeExceeded')
        continue
      }
      await this.#attempt(segment)
    }
  }

  /** MaximumBatchingWindowInSeconds: wait for more records unless the batch is already full. */
  async #gather(): Promise<void> {
    const { mapping, signal, log } = this.#context
    const first = this.#pending[0]
    if (mapping.batchingWindowMs === 0 || first === undefined || this.#pending.length >= mapping.batchSize)
      return
    const full = new AbortController()
    this.#filled = () => full.abort()
    const remaining = first.arrivedAt + mapping.batchingWindowMs - log.time.now()
    await log.time.wait(remaining, AbortSignal.any([signal, full.signal])).catch(() => undefined)
    this.#filled = undefined
  }

  async #attempt(segment: StreamSegment): Promise<void> {
    const { log, target, mapping, signal } = this.#context
    const ids = segment.entries.map((entry) => entry.sequenceNumber)
    for (const id of ids) log.delivered(id)
    const attempt = await target.invoke(streamEvent(segment.entries)).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    )
    if (!('result' in attempt)) {
      for (const id of ids)
        log.step(id, 'redelivered', { reason: `could not invoke: ${String(attempt.error)}` })
      return log.time.wait(INVOKE_RETRY_MS, signal)
    }
    const { result } = attempt
    segment.invokes++
    segment.requestId = result.requestId
    const requestId = result.requestId
    const outcome = readStreamResponse(result, ids, mapping.reportBatchItemFailures)
    if (outcome.kind === 'success') {
      for (const id of ids) log.step(id, 'processed', { requestId })
      log.batch({ requestId, ids, outcome: 'success', failed: [] })
      this.#segments.shift()
      return
    }
    if (outcome.kind === 'partial') {
      const done = segment.entries.splice(0, outcome.from)
      for (const entry of done) log.step(entry.sequenceNumber, 'processed', { requestId })
      log.batch({ requestId, ids, outcome: 'partial', failed: ids.slice(outcome.from) })
      segment.functionError = undefined
      return this.#failed(segment, `batchItemFailures from ${outcome.sequenceNumber}`)
    }
    log.batch({ requestId, ids, outcome: 'failure', failed: ids })
    if (outcome.kind === 'invalid-response') {
      segment.functionError = undefined
      return this.#failed(segment, `invalid batchItemFailures: ${outcome.reason}`)
    }
    segment.functionError = 'Unhandled'
    if (!mapping.bisect || segment.entries.length === 1)
      return this.#failed(segment, `function error ${outcome.errorType}`)
    const [head, tail] = bisect(segment.entries)
    this.#segments.splice(0, 1, { ...segment, entries: head }, { ...segment, entries: tail })
    for (const id of ids)
      log.step(id, 'redelivered', {
        requestId,
        reason: `function error ${outcome.errorType}: batch bisected`,
      })
  }

  /** A failed attempt that counts: retry, or give up when maximumRetryAttempts is spent. */
  #failed(segment: StreamSegment, reason: string): void {
    const { mapping, log, discard } = this.#context
    segment.retries++
    if (mapping.maximumRetryAttempts !== -1 && segment.retries > mapping.maximumRetryAttempts) {
      this.#segments.shift()
      discard(segment, 'RetryAttemptsExhausted')
      return
    }
    for (const entry of segment.entries)
      log.step(entry.sequenceNumber, 'redelivered', { requestId: segment.requestId, reason })
  }
}
