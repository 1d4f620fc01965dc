import type { InvocationResult } from '../invocation.ts'
import { SYNC_PAYLOAD_LIMIT_BYTES } from '../payload-limits.ts'
import type { FateLog } from './fate-log.ts'
import type { InvokeTarget } from './source-types.ts'
import type { ResolvedSqsOptions } from './sqs-options.ts'
import type { SqsQueue, SqsReceipt } from './sqs-queue.ts'
import { newReceiptHandle, sqsEventRecord } from './sqs-record.ts'
import { type SqsBatchOutcome, sqsBatchOutcome } from './sqs-response.ts'

/** Lambda's cap on a synchronous invocation's payload: 6 MB. */
export const SQS_EVENT_MAX_BYTES = SYNC_PAYLOAD_LIMIT_BYTES

const EMPTY_EVENT_BYTES = Buffer.byteLength('{"Records":[]}')

/**
 * The event source mapping half of an SQS source: up to `maximumConcurrency` batches in flight, each cut at
 * `batchSize` messages or 6 MB of event JSON (after the batching window, if any), handed to the function, and
 * the response applied with Lambda's rules (see {@link sqsBatchOutcome}).
 *
 * @example
 * const poller = new SqsPoller(options, queue, log, runtime)
 * queue.send(message); poller.pump()
 */
export class SqsPoller {
  readonly #options: ResolvedSqsOptions
  readonly #queue: SqsQueue
  readonly #log: FateLog
  readonly #target: InvokeTarget
  readonly #batches = new Set<Promise<void>>()
  readonly #sizes = new WeakMap<SqsReceipt['message'], { readonly key: string; readonly bytes: number }>()
  #window: { readonly cancel: () => void; readonly idle: () => void; expired: boolean } | undefined
  #stopped = false

  constructor(options: ResolvedSqsOptions, queue: SqsQueue, log: FateLog, target: InvokeTarget) {
    this.#options = options
    this.#queue = queue
    this.#log = log
    this.#target = target
  }

  /** Starts as many batches as there are messages and free pollers; call it whenever messages may be ready. */
  pump(): void {
    const { batchSize, batchingWindowMs, maximumConcurrency } = this.#options
    while (!this.#stopped && this.#batches.size < maximumConcurrency) {
      const available = this.#queue.available(batchSize)
      if (available === 0) {
        this.#closeWindow() // nothing left to gather (dropped by age): an open window must not keep quiet() waiting
        return
      }
      if (batchingWindowMs > 0 && !this.#window?.expired && !this.#full(available)) {
        this.#openWindow()
        return
      }
      this.#closeWindow()
      const receipts = this.#queue.receive(batchSize, this.#fits())
      if (receipts.length === 0) return
      const batch = this.#run(receipts).finally(() => {
        this.#batches.delete(batch)
        this.pump()
      })
      this.#batches.add(batch)
    }
  }

  /** Stops starting batches and waits for those in flight. */
  async stop(): Promise<void> {
    this.#stopped = true
    this.#closeWindow()
    while (this.#batches.size > 0) await Promise.all([...this.#batches])
  }

  /** A full batch needs no window: `batchSize` messages, or as many as fit in 6 MB. */
  #full(available: number): boolean {
    return available === this.#options.batchSize || this.#queue.available(available, this.#fits()) < available
  }

  /** Lambda gathers for up to the batching window before invoking with fewer than `batchSize` messages. */
  #openWindow(): void {
    if (this.#window) return
    const window = {
      idle: this.#log.busy(),
      expired: false,
      cancel: this.#log.time.after(this.#options.batchingWindowMs, () => {
        window.expired = true
        this.pump()
      }),
    }
    this.#window = window
  }

  #closeWindow(): void {
    this.#window?.cancel()
    this.#window?.idle()
    this.#window = undefined
  }

  /** A `fits` for one receive: true while the event's JSON stays within 6 MB with the message's record in it. */
  #fits() {
    let bytes = EMPTY_EVENT_BYTES
    const now = this.#log.time.now()
    return (message: SqsReceipt['message'], receiveCount: number) => {
      const next =
        bytes + this.#recordBytes(message, receiveCount, now) + (bytes === EMPTY_EVENT_BYTES ? 0 : 1)
      if (next > SQS_EVENT_MAX_BYTES) return false
      bytes = next
      return true
    }
  }

  /**
   * Bytes of a message's record JSON at `receiveCount`, built once and kept: a batching window asks again on every
   * send, so building each waiting message's record afresh would cost the whole queue per send. Only the receive
   * count and the digits of the receive time change a record's size (the receipt handle has a fixed length).
   */
  #recordBytes(message: SqsReceipt['message'], receiveCount: number, now: number): number {
    const key = `${receiveCount}:${String(Math.floor(now)).length}`
    const known = this.#sizes.get(message)
    if (known?.key === key) return known.bytes
    const receive = { receiptHandle: newReceiptHandle(), receiveCount, firstReceiveAt: now }
    const bytes = Buffer.byteLength(JSON.stringify(sqsEventRecord(message, receive, this.#options)))
    this.#sizes.set(message, { key, bytes })
    return bytes
  }

  async #run(receipts: readonly SqsReceipt[]): Promise<void> {
    const records = receipts.map((receipt) => sqsEventRecord(receipt.message, receipt, this.#options))
    for (const { message, duplicate } of receipts) {
      const fate = this.#log.get(message.id)
      if (!duplicate) this.#log.delivered(message.id)
      else if (fate) this.#log.step(message.id, fate.state, { reason: 'duplicate delivery (at-least-once)' })
    }
    let invocation: Pick<InvocationResult, 'error' | 'result' | 'requestId'>
    try {
      invocation = await this.#target.invoke({ Records: records })
    } catch (error) {
      // The target could not run it at all (stopped runtime…): to the queue that is a batch that never finished.
      invocation = {
        requestId: 'none',
        error: { errorType: 'InvokeError', errorMessage: String(error), trace: [] },
      }
    }
    const ids = records.map((record) => record.messageId)
    const outcome = sqsBatchOutcome(invocation, ids, this.#options.reportBatchItemFailures)
    const failed = this.#apply(receipts, outcome, invocation.requestId)
    this.#log.batch({
      requestId: invocation.requestId,
      ids,
      outcome: failed.length === 0 ? 'success' : failed.length === ids.length ? 'failure' : 'partial',
      failed,
    })
  }

  /** Deletes what succeeded, leaves what failed invisible until its visibility timeout; returns the failed ids. */
  #apply(receipts: readonly SqsReceipt[], outcome: SqsBatchOutcome, requestId: string): string[] {
    const failed: string[] = []
    const failedGroups = new Map<string, string>()
    for (const { message, receiptHandle, duplicate } of receipts) {
      const { id, groupId } = message
      const fails = outcome.kind === 'failure' || (outcome.kind === 'partial' && outcome.failed.has(id))
      if (fails) failed.push(id)
      if (duplicate) continue
      if (fails) {
        if (groupId !== undefined && !failedGroups.has(groupId)) failedGroups.set(groupId, id)
        const reason = outcome.kind === 'failure' ? outcome.reason : 'named in batchItemFailures'
        if (this.#queue.holds(id, receiptHandle)) this.#log.step(id, 'redelivered', { requestId, reason })
      } else if (this.#queue.delete(id, receiptHandle)) {
        const before = this.#options.fifo && groupId !== undefined ? failedGroups.get(groupId) : undefined
        this.#log.step(id, 'processed', {
          requestId,
          ...(before === undefined
            ? {}
            : {
                reason:
                  `deleted although ${before} before it in group ${groupId} failed: Lambda deletes what ` +
                  'batchItemFailures does not name, so name the failed message and every later one of its group',
              }),
        })
      }
    }
    return failed
  }
}
