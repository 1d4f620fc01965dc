import { randomUUID } from 'node:crypto'
import type { FateLog } from './fate-log.ts'
import type { ParsedSqsMessage, SqsMessageAttributeInput } from './sqs-message.ts'
import type { ResolvedSqsOptions } from './sqs-options.ts'
import { md5OfBody, md5OfMessageAttributes, newReceiptHandle, type SqsRecordSource } from './sqs-record.ts'

/**
 * A message SQS's redrive policy moved to the dead-letter queue, with the receive count it had there.
 *
 * @example
 * orders.outputs().dlq // [{ messageId: '…', body: '{"orderId":"bad"}', receiveCount: 3, … }]
 */
export interface DeadLetter {
  readonly messageId: string
  readonly body: string
  readonly attributes: Readonly<Record<string, string>>
  readonly messageAttributes: Readonly<Record<string, SqsMessageAttributeInput>>
  readonly receiveCount: number
}

/** One receive of a message: a duplicate delivery carries a receipt handle that can never delete it. */
export interface SqsReceipt {
  readonly message: SqsRecordSource
  readonly receiptHandle: string
  readonly receiveCount: number
  readonly firstReceiveAt: number
  readonly duplicate: boolean
}

interface Stored extends SqsRecordSource {
  receiveCount: number
  firstReceiveAt: number | undefined
  receipt: string | undefined
  visible: boolean
  cancel: () => void
}

/** FIFO deduplication interval: 5 minutes. */
const DEDUP_MS = 5 * 60_000

/**
 * The queue half of an SQS source: visibility timeouts, receive counts, retention, the redrive to the DLQ, FIFO
 * message groups (a group with a received, still invisible message gives nothing else) and deduplication.
 * `onVisible` is called whenever a message may have become receivable.
 *
 * @example
 * const queue = new SqsQueue(options, log, () => poller.pump(), Math.random)
 * queue.send(parseSqsMessage('{"id":1}', options)); queue.receive(10, () => true)
 */
export class SqsQueue {
  readonly #messages = new Map<string, Stored>()
  readonly #dedup = new Map<string, { id: string; at: number }>()
  readonly #duplicates: { message: Stored; idle: () => void }[] = []
  readonly #dlq: DeadLetter[] = []
  #sequence = 18_849_496_460_467_696_128n

  private readonly options: ResolvedSqsOptions
  private readonly log: FateLog
  private readonly onVisible: () => void
  private readonly random: () => number

  constructor(options: ResolvedSqsOptions, log: FateLog, onVisible: () => void, random: () => number) {
    this.options = options
    this.log = log
    this.onVisible = onVisible
    this.random = random
  }

  /** Enqueues a checked message; returns its id (a FIFO duplicate within 5 minutes returns the first one's). */
  send(input: ParsedSqsMessage): string {
    const now = this.log.time.now()
    if (input.deduplicationId !== undefined) {
      const seen = this.#dedup.get(input.deduplicationId)
      if (seen && now - seen.at < DEDUP_MS) return seen.id
    }
    const id = randomUUID()
    if (input.deduplicationId !== undefined) this.#dedup.set(input.deduplicationId, { id, at: now })
    const message: Stored = {
      id,
      body: input.body,
      attributes: input.attributes,
      groupId: input.groupId,
      deduplicationId: input.deduplicationId,
      sequenceNumber: this.options.fifo ? String(this.#sequence++) : undefined,
      sentAt: now,
      md5OfBody: md5OfBody(input.body),
      md5OfMessageAttributes: md5OfMessageAttributes(input.attributes),
      receiveCount: 0,
      firstReceiveAt: undefined,
      receipt: undefined,
      visible: input.delayMs === 0,
      cancel: () => {},
    }
    this.#messages.set(id, message)
    this.log.track(id)
    if (!message.visible) message.cancel = this.log.time.after(input.delayMs, () => this.#reappear(message))
    return id
  }

  /** How many messages a receive would give now (up to `limit`, and up to the first that `fits` refuses). */
  available(
    limit: number,
    fits: (message: SqsRecordSource, receiveCount: number) => boolean = () => true,
  ): number {
    let count = 0
    for (const { message } of this.#duplicates) {
      if (count >= limit || !fits(message, message.receiveCount)) return count
      count++
    }
    for (const message of this.#candidates()) {
      if (count >= limit || !fits(message, message.receiveCount + 1)) return count
      count++
    }
    return count
  }

  /**
   * Receives up to `max` messages, pending duplicate deliveries first, stopping at the first that `fits` refuses
   * (it is given the message and the receive count its record would carry).
   */
  receive(max: number, fits: (message: SqsRecordSource, receiveCount: number) => boolean): SqsReceipt[] {
    const now = this.log.time.now()
    const taken: SqsReceipt[] = []
    const ids = new Set<string>()
    while (taken.length < max && this.#duplicates.length > 0) {
      const { message, idle } = this.#duplicates[0]!
      // one messageId appears once per event: a second pending copy waits for the next batch
      if (ids.has(message.id)) break
      if (!fits(message, message.receiveCount)) return taken
      this.#duplicates.shift()
      idle()
      ids.add(message.id)
      taken.push({
        message,
        receiptHandle: newReceiptHandle(),
        receiveCount: message.receiveCount,
        firstReceiveAt: message.firstReceiveAt ?? now,
        duplicate: true,
      })
    }
    for (const message of this.#candidates()) {
      if (taken.length >= max) break
      if (ids.has(message.id)) continue
      if (now - message.sentAt >= this.options.retentionMs) {
        this.#drop(message)
        continue
      }
      if (!fits(message, message.receiveCount + 1)) break
      taken.push(this.#take(message, now))
    }
    return taken
  }

  /** Deletes a message with the receipt handle of its latest receive; false (a no-op) for any other handle. */
  delete(id: string, receiptHandle: string): boolean {
    const message = this.#messages.get(id)
    if (!message || message.receipt !== receiptHandle) return false
    message.cancel()
    this.#messages.delete(id)
    return true
  }

  /** True while `receiptHandle` is the latest receive of a message still in the queue. */
  holds(id: string, receiptHandle: string): boolean {
    return this.#messages.get(id)?.receipt === receiptHandle
  }

  /** What the redrive policy moved out, oldest first. */
  deadLetters(): readonly DeadLetter[] {
    return [...this.#dlq]
  }

  /** Cancels every timer and pending duplicate (the queue stops; fates stay as they are). */
  close(): void {
    for (const message of this.#messages.values()) message.cancel()
    for (const { idle } of this.#duplicates.splice(0)) idle()
  }

  *#candidates(): Generator<Stored> {
    const blocked = new Set<string>()
    for (const message of this.#messages.values()) {
      const group = this.options.fifo ? message.groupId : undefined
      if (group !== undefined && blocked.has(group)) continue
      if (message.visible) yield message
      // FIFO order: nothing later of a group leaves while an earlier message of it is invisible
      else if (group !== undefined) blocked.add(group)
    }
  }

  #take(message: Stored, now: number): SqsReceipt {
    message.receiveCount++
    message.firstReceiveAt ??= now
    message.receipt = newReceiptHandle()
    message.visible = false
    message.cancel()
    message.cancel = this.log.time.after(this.options.visibilityMs, () => this.#reappear(message))
    if (this.options.duplicateDelivery > 0 && this.random() < this.options.duplicateDelivery)
      this.#duplicates.push({ message, idle: this.log.busy() })
    return {
      message,
      receiptHandle: message.receipt,
      receiveCount: message.receiveCount,
      firstReceiveAt: message.firstReceiveAt,
      duplicate: false,
    }
  }

  /** A delay or visibility timeout ran out: back in the queue, unless its receives or its age say otherwise. */
  #reappear(message: Stored): void {
    if (!this.#messages.has(message.id)) return
    message.visible = true
    const { maxReceiveCount } = this.options
    if (maxReceiveCount !== undefined && message.receiveCount >= maxReceiveCount)
      this.#deadLetter(message, maxReceiveCount)
    else if (this.log.time.now() - message.sentAt >= this.options.retentionMs) this.#drop(message)
    else if (message.receiveCount > 0 && this.log.get(message.id)?.state === 'in-flight')
      this.log.step(message.id, 'redelivered', {
        reason: `visibilityTimeout ${this.options.visibilityMs / 1000} s passed before its batch ended`,
      })
    this.onVisible()
  }

  #deadLetter(message: Stored, maxReceiveCount: number): void {
    this.#messages.delete(message.id)
    this.#dlq.push({
      messageId: message.id,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(Math.floor(message.sentAt)),
        ...(message.groupId === undefined ? {} : { MessageGroupId: message.groupId }),
      },
      messageAttributes: message.attributes,
      receiveCount: message.receiveCount,
    })
    this.log.step(message.id, 'dlq', { reason: `maxReceiveCount ${maxReceiveCount}` })
  }

  #drop(message: Stored): void {
    message.cancel()
    this.#messages.delete(message.id)
    this.log.step(message.id, 'dropped-by-age', {
      reason: `messageRetentionPeriod ${this.options.retentionMs / 1000} s`,
    })
  }
}
