import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import { newRequestId } from '../ids.ts'
import type { InvocationResult } from '../invocation.ts'
import { type AsyncInvokeConfig, type ResolvedAsyncConfig, resolveAsyncConfig } from './async-options.ts'
import { queuedPayload } from './async-payload.ts'
import { type AsyncInvocationRecord, type AsyncRecordCondition, invocationRecord } from './async-record.ts'
import { FateLog } from './fate-log.ts'
import { sourceTime } from './source-time.ts'
import {
  type EventSource,
  functionArnOf,
  type InvokeTarget,
  type SourceBaseOptions,
  type SourceTime,
} from './source-types.ts'

/** Lambda's waits before the first and the second retry of a function error, in Lambda ms. */
const RETRY_DELAYS_MS = [60_000, 120_000] as const

/**
 * Options of {@link asyncInvoker}: the function, Lambda's asynchronous invocation settings, and the source basics.
 *
 * @example
 * const options: AsyncInvokerOptions = { function: runtime, maximumRetryAttempts: 1, timeScale: 100 }
 */
export interface AsyncInvokerOptions extends AsyncInvokeConfig, SourceBaseOptions {
  readonly function: InvokeTarget
  /** ARN in invocation records. Default: the Runtime's (`config.functionArn`), else one named after `name`. */
  readonly functionArn?: string
}

/**
 * One attempt at an event: its result, when it started (Lambda time), and the wait before the next one, if any.
 *
 * @example
 * invoker.onAttempt(({ attempt, result, retryInMs }) => console.log(attempt, result.error?.errorType, retryInMs))
 */
export interface AsyncAttempt {
  readonly requestId: string
  /** 1 for the first attempt. */
  readonly attempt: number
  readonly at: number
  readonly result: InvocationResult
  /** Lambda ms until the next attempt; absent when there is none. */
  readonly retryInMs?: number
}

/**
 * Lambda's asynchronous invocation (`InvocationType: Event`) in front of a function: see {@link asyncInvoker}.
 *
 * @example
 * const ids: readonly string[] = await invoker.send({ orderId: 'o-1' })
 */
export interface AsyncInvoker extends EventSource<unknown> {
  readonly time: SourceTime
  readonly config: ResolvedAsyncConfig
  /** Calls `listener` after each attempt (the CLI prints START/END/REPORT from it); returns its remover. */
  onAttempt(listener: (attempt: AsyncAttempt) => void): () => void
}

/**
 * Invokes a function as Lambda does for `InvocationType: Event`: `send` accepts events at once (JSON, at most 1 MB)
 * and resolves with their request ids; each is invoked, and on a function error retried up to
 * `maximumRetryAttempts` times (after 1 and then 2 minutes of Lambda time, with the same request id) unless it gets
 * older than `maximumEventAgeInSeconds` first. The on-success / on-failure destinations get AWS's invocation record.
 *
 * @example
 * await using invoker = asyncInvoker({ function: runtime, timeScale: 600, destinationConfig: { onFailure: { destination: 'failed' } } })
 * await invoker.send({ orderId: 'o-1' })
 * await invoker.quiet({ timeoutMs: 60_000 })
 * invoker.outputs().onFailure // [{ requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 }, … }]
 */
export function asyncInvoker(options: AsyncInvokerOptions): AsyncInvoker {
  const config = resolveAsyncConfig(options)
  const time = sourceTime(options)
  const name = options.name ?? 'async'
  const log = new FateLog(name, time)
  const functionArn = options.functionArn ?? functionArnOf(options.function, 'us-east-1', name)
  const records = { onSuccess: [] as AsyncInvocationRecord[], onFailure: [] as AsyncInvocationRecord[] }
  const listeners = new Set<(attempt: AsyncAttempt) => void>()
  const stopping = new AbortController()

  function end(
    id: string,
    event: unknown,
    last: InvocationResult,
    attempts: number,
    why: AsyncRecordCondition,
  ) {
    const place = why === 'Success' ? 'onSuccess' : 'onFailure'
    const destination = config[place]
    const now = time.now()
    if (destination !== undefined)
      records[place].push(invocationRecord({ functionArn, condition: why, attempts, event, last, now }))
    const state = why === 'Success' ? 'processed' : why === 'EventAgeExceeded' ? 'dropped-by-age' : undefined
    const sent = destination === undefined ? undefined : `record sent to ${place} destination ${destination}`
    const reason = [endReason(why, attempts, config.maximumEventAgeInSeconds), sent]
      .filter(Boolean)
      .join('; ')
    log.step(id, state ?? (sent === undefined ? 'retries-exhausted' : 'destination'), {
      requestId: last.requestId,
      reason: state === undefined && sent === undefined ? `${reason}; no on-failure destination` : reason,
    })
  }

  async function run(id: string, event: unknown, expiresAt: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const at = time.now()
      log.delivered(id, id)
      const result = await options.function.invoke(event, { requestId: id })
      const delay = attempt <= config.maximumRetryAttempts ? RETRY_DELAYS_MS[attempt - 1] : undefined
      const retry = result.error === undefined || delay === undefined ? {} : { retryInMs: delay }
      for (const listener of listeners) listener({ requestId: id, attempt, at, result, ...retry })
      if (result.error === undefined) return end(id, event, result, attempt, 'Success')
      if (delay === undefined) return end(id, event, result, attempt, 'RetriesExhausted')
      const left = expiresAt - time.now()
      const reason = `function error ${result.error.errorType}; retry ${attempt} of ${config.maximumRetryAttempts} in ${delay / 1000} s`
      log.step(id, 'redelivered', { requestId: id, reason })
      // The event ages in the queue while it waits: it is dropped when its age passes the maximum first.
      await time.wait(Math.min(delay, left), stopping.signal)
      if (left <= delay) return end(id, event, result, attempt, 'EventAgeExceeded')
    }
  }

  async function send(input: unknown): Promise<readonly string[]> {
    if (stopping.signal.aborted)
      throw new SluiceRuntimeError(
        'EVENT_SOURCE_STOPPED',
        `${name} is stopped: create a new source to send more`,
      )
    // Every event is checked before any is queued, so a bad one leaves nothing half-sent.
    const events = (Array.isArray(input) ? input : [input]).map((event) => queuedPayload(event, name))
    return events.map((event) => {
      const id = newRequestId()
      log.track(id)
      run(id, event, time.now() + config.maximumEventAgeInSeconds * 1000).catch((error: unknown) => {
        // A stop cancels the wait for a retry: the event stays where it was, as in a queue nobody reads.
        if (!stopping.signal.aborted)
          log.step(id, 'retries-exhausted', { reason: `invoke failed: ${errorMessage(error)}` })
      })
      return id
    })
  }

  const stop = async () => stopping.abort(new SluiceRuntimeError('EVENT_SOURCE_STOPPED', `${name} stopped`))
  return {
    name,
    kind: 'async',
    time,
    config,
    send,
    quiet: (quietOptions) => log.quiet(quietOptions),
    fates: () => log.fates(),
    outputs: () => ({ onSuccess: [...records.onSuccess], onFailure: [...records.onFailure] }),
    onActivity: (listener) => log.onActivity(listener),
    onAttempt: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop,
    [Symbol.asyncDispose]: stop,
  }
}

/** Why an event ended, in words Lambda's metrics and records use. */
function endReason(why: AsyncRecordCondition, attempts: number, maximumEventAgeInSeconds: number): string {
  if (why === 'Success') return `succeeded on attempt ${attempts}`
  if (why === 'EventAgeExceeded')
    return `EventAgeExceeded: older than MaximumEventAgeInSeconds ${maximumEventAgeInSeconds}`
  return `RetriesExhausted after ${attempts} attempt(s)`
}

/** The ARN of a Runtime from `startRuntime` (it has `config.functionArn`); a made-up one for other targets. */
