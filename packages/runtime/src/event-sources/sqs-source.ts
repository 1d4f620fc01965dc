import { SluiceRuntimeError } from '../errors.ts'
import { FateLog } from './fate-log.ts'
import { sourceTime } from './source-time.ts'
import type { EventSource } from './source-types.ts'
import { type ParsedSqsMessage, parseSqsMessage, type SqsMessageInput } from './sqs-message.ts'
import { resolveSqsOptions, type SqsSourceOptions } from './sqs-options.ts'
import { SqsPoller } from './sqs-poller.ts'
import { type DeadLetter, SqsQueue } from './sqs-queue.ts'

/**
 * An SQS queue (standard or FIFO) and its Lambda event source mapping, in-process: what `sqsSource` returns.
 *
 * @example
 * const dead: readonly DeadLetter[] = orders.outputs().dlq
 */
export interface SqsSource extends EventSource<SqsMessageInput> {
  readonly kind: 'sqs' | 'sqs-fifo'
  /** The queue ARN the records carry (`eventSourceARN`). */
  readonly arn: string
  outputs(): { readonly dlq: readonly DeadLetter[] }
}

/** A small seeded generator (mulberry32): the same seed draws the same duplicate deliveries. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/**
 * An SQS queue feeding a function as Lambda's event source mapping does: batches by count, batching window and
 * 6 MB; visibility timeout, receive counts and the redrive to a DLQ after `maxReceiveCount`; partial batch
 * responses with `ReportBatchItemFailures`; FIFO message groups in order; optional duplicate deliveries to
 * exercise at-least-once. Every delay runs `timeScale` times faster; the function's own run time does not, so
 * keep `visibilityTimeout / timeScale` above a batch's real duration.
 *
 * @example
 * await using runtime = await startRuntime({ handler: 'examples/sqs-orders/handler.ts#handler', concurrency: 3 })
 * await using orders = sqsSource({ function: runtime, maxReceiveCount: 3, timeScale: 100,
 *   functionResponseTypes: ['ReportBatchItemFailures'] })
 * await orders.send([{ body: { orderId: 'ord-1' } }, 'not json'])
 * await orders.quiet({ timeoutMs: 30_000 })
 * orders.outputs().dlq.map((letter) => letter.receiveCount) // [3]
 */
export function sqsSource(options: SqsSourceOptions): SqsSource {
  const resolved = resolveSqsOptions(options)
  const log = new FateLog(resolved.name, sourceTime(options))
  const queue = new SqsQueue(resolved, log, () => poller.pump(), seededRandom(resolved.seed))
  const poller = new SqsPoller(resolved, queue, log, options.function)
  let stopping: Promise<void> | undefined

  async function send(input: SqsMessageInput | readonly SqsMessageInput[]): Promise<readonly string[]> {
    if (stopping)
      throw new SluiceRuntimeError(
        'EVENT_SOURCE_STOPPED',
        `sqs ${resolved.name} is stopped: start a new source`,
      )
    const inputs: readonly unknown[] = Array.isArray(input) ? input : [input]
    // every message is checked before any is enqueued: a bad one leaves the queue as it was
    const messages: ParsedSqsMessage[] = inputs.map((item) => parseSqsMessage(item, resolved))
    const ids = messages.map((message) => queue.send(message))
    poller.pump()
    return ids
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      await poller.stop()
      queue.close()
    })()
    return stopping
  }

  return {
    name: resolved.name,
    kind: resolved.fifo ? 'sqs-fifo' : 'sqs',
    arn: resolved.arn,
    send,
    quiet: (quietOptions) => log.quiet(quietOptions),
    fates: () => log.fates(),
    outputs: () => ({ dlq: queue.deadLetters() }),
    onActivity: (listener) => log.onActivity(listener),
    stop,
    [Symbol.asyncDispose]: stop,
  }
}
