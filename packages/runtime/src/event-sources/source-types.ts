import type { Clock } from '@sluice/core'
import type { InvocationResult, InvokeOptions } from '../invocation.ts'

/**
 * What an event source feeds: anything that runs one invocation as Lambda would and resolves with its result or
 * its error (never rejecting for a function error). A {@link Runtime} from `startRuntime` is one.
 *
 * @example
 * const target: InvokeTarget = await startRuntime({ handler: 'examples/sqs-orders/handler.ts#handler' })
 */
export interface InvokeTarget {
  invoke(event: unknown, options?: InvokeOptions): Promise<InvocationResult>
  /** The function's configuration, when the target knows it (a `Runtime` does): its ARN names it in records. */
  readonly config?: { readonly functionArn: string }
}

/**
 * The ARN destination records name the function by: the target's own (`config.functionArn`), else one made up
 * from `name` in `region`.
 *
 * @example
 * functionArnOf(runtime, 'us-east-1', 'orders') // 'arn:aws:lambda:us-east-1:123456789012:function:orders'
 */
export const functionArnOf = (target: InvokeTarget, region: string, name: string): string =>
  target.config?.functionArn ?? `arn:aws:lambda:${region}:123456789012:function:${name}`

/**
 * Where a source reads the time and waits. Every delay Lambda or SQS would apply (visibility timeout, batching
 * window, retry back-off, record age) is a *Lambda* duration; `wait` divides it by the time scale, and `age`
 * multiplies elapsed real time by it, so a source behaves as in AWS, only faster.
 *
 * @example
 * const time = sourceTime({ timeScale: 100 })
 * await time.wait(30_000) // a 30 s visibility timeout passes in 300 ms
 */
export interface SourceTime {
  /** Real ms per Lambda ms is 1 / timeScale; 1 is real time. */
  readonly timeScale: number
  /** Lambda-time epoch ms: starts at the real clock and runs `timeScale` times faster. */
  now(): number
  /** Resolves after `lambdaMs` of Lambda time (at once when ≤ 0); rejects with the signal's reason on abort. */
  wait(lambdaMs: number, signal?: AbortSignal): Promise<void>
  /** Schedules `callback` after `lambdaMs` of Lambda time; returns a function that cancels it. */
  after(lambdaMs: number, callback: () => void): () => void
}

/**
 * Where one message (an SQS message, a stream record, an async event) stands. `redelivered` waits to come back
 * (visibility timeout, retry back-off); the last five are ends.
 */
export type FateState =
  | 'queued'
  | 'in-flight'
  | 'redelivered'
  | 'processed'
  | 'dlq'
  | 'dropped-by-age'
  | 'retries-exhausted'
  | 'destination'

/** One step in a message's life, in Lambda time. */
export interface FateStep {
  readonly at: number
  readonly state: FateState
  /** The invocation that carried it, when the step came from one. */
  readonly requestId?: string
  /** Why: `function error`, `batchItemFailures`, `maxReceiveCount 3`, `MaximumRecordAgeInSeconds 60`… */
  readonly reason?: string
}

/**
 * The fate of one message: how many times it was handed to the function and where it ended.
 *
 * @example
 * orders.fates().filter((fate) => fate.state === 'dlq').map((fate) => fate.receiveCount) // [3, 3]
 */
export interface Fate {
  /** The source's name. */
  readonly source: string
  /** SQS messageId, stream sequence number, or the async invocation's request id. */
  readonly id: string
  /** Times it was delivered to the function (SQS ApproximateReceiveCount; attempts for streams and async). */
  readonly receiveCount: number
  readonly state: FateState
  readonly steps: readonly FateStep[]
}

/** True for the states a message never leaves. */
export const isFinal = (state: FateState): boolean =>
  state === 'processed' ||
  state === 'dlq' ||
  state === 'dropped-by-age' ||
  state === 'retries-exhausted' ||
  state === 'destination'

/** What a source reports as it works; `sluice dev` prints these as Lambda-like lines and feeds its live view. */
export type SourceActivity =
  | {
      readonly kind: 'batch'
      readonly source: string
      readonly requestId: string
      readonly ids: readonly string[]
      readonly outcome: 'success' | 'partial' | 'failure'
      readonly failed: readonly string[]
    }
  | { readonly kind: 'fate'; readonly source: string; readonly fate: Fate; readonly step: FateStep }

/** Common options of every event source. */
export interface SourceBaseOptions {
  /** Shown in fates and lines. */
  readonly name?: string
  /** Lambda seconds per real second. Default 1. */
  readonly timeScale?: number
  /** Real clock; a virtual one from `@sluice/testing` works too. Default core's `systemClock`. */
  readonly clock?: Clock
}

/**
 * What every event source offers: feed it, wait until nothing is left to do, read what became of each message.
 * `TInput` is what one message is (an SQS body and attributes, a Kinesis record…); `send` also checks it at run
 * time, since `sluice send` hands it JSON from a user.
 *
 * @example
 * await source.send([{ body: '{"id":"o-1"}' }])
 * await source.quiet()
 * expect(source.fates().every((fate) => fate.state === 'processed')).toBe(true)
 */
export interface EventSource<TInput = unknown> extends AsyncDisposable {
  readonly name: string
  /** `sqs`, `sqs-fifo`, `kinesis`, `dynamodb-stream`, `async`, `s3`, `sns`, `eventbridge`. */
  readonly kind: string
  /**
   * Puts messages in; resolves with their ids (as fates name them) once accepted, not once processed. Bad input
   * (wrong shape, too large) rejects with a `SluiceRuntimeError` and nothing is enqueued.
   */
  send(input: TInput | readonly TInput[]): Promise<readonly string[]>
  /** Resolves when nothing is queued, in flight or waiting to come back (or rejects after `timeoutMs` real ms). */
  quiet(options?: { readonly timeoutMs?: number }): Promise<void>
  /** Every message's fate, in the order they arrived. */
  fates(): readonly Fate[]
  /**
   * What the source parked outside the function, by place: `{ dlq: [...] }` for SQS (the messages, with their
   * receive counts), `{ onFailure: [...], onSuccess: [...] }` for destinations (the records Lambda sends there).
   */
  outputs(): Readonly<Record<string, readonly unknown[]>>
  /** Calls `listener` on each batch and each fate step; returns a function that removes it. */
  onActivity(listener: (activity: SourceActivity) => void): () => void
  /** Stops polling; in-flight invocations finish. Idempotent. */
  stop(): Promise<void>
}
