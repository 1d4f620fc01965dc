import type { AsyncAttempt } from '../event-sources/async-invoker.ts'
import type { ResolvedAsyncConfig } from '../event-sources/async-options.ts'
import type { Fate } from '../event-sources/source-types.ts'
import type { Style } from './style.ts'
import { firstLine, terminalText } from './terminal-text.ts'

/**
 * The line `sluice invoke --async` prints once Lambda accepted the event, as the Invoke API answers 202.
 *
 * @example
 * acceptedLine(id, config, 600, style) // '202 Accepted  RequestId: 8476a536-…  InvocationType: Event  (retries 2, …)'
 */
export function acceptedLine(
  requestId: string,
  config: ResolvedAsyncConfig,
  timeScale: number,
  style: Style,
): string {
  const settings = `max retry attempts ${config.maximumRetryAttempts}, max event age ${config.maximumEventAgeInSeconds} s, time scale ${timeScale}`
  return `${style.bold('202 Accepted')}  RequestId: ${requestId}  InvocationType: Event  (${settings})`
}

/**
 * The line before an attempt's START/END/REPORT: which attempt, and when in Lambda time since the event was sent.
 *
 * @example
 * attemptLine(attempt, 3, sentAt, style) // 'Attempt 2 of 3 at +61.2 s (Lambda time)'
 */
export function attemptLine(attempt: AsyncAttempt, attempts: number, sentAt: number, style: Style): string {
  return style.bold(
    `Attempt ${attempt.attempt} of ${attempts} at +${seconds(attempt.at - sentAt)} (Lambda time)`,
  )
}

/**
 * After a failed attempt that Lambda will retry: the error and the wait, in Lambda time and in real time.
 *
 * @example
 * retryLine(attempt, 2, 600, style) // 'Function error Error: boom: retry 1 of 2 in 60 s of Lambda time (0.1 s at --time-scale 600)'
 */
export function retryLine(attempt: AsyncAttempt, retries: number, timeScale: number, style: Style): string {
  const wait = attempt.retryInMs ?? 0
  const error = attempt.result.error
  const what =
    error === undefined
      ? 'Function error'
      : `Function error ${terminalText(`${error.errorType}: ${cut(firstLine(error.errorMessage), 200)}`)}`
  const real = timeScale === 1 ? '' : ` (${seconds(wait / timeScale)} at --time-scale ${timeScale})`
  return style.yellow(
    `${what}: retry ${attempt.attempt} of ${retries} in ${seconds(wait)} of Lambda time${real}`,
  )
}

/**
 * The outcome: where the event ended and why (from its fate's last step).
 *
 * @example
 * outcomeLine(fate, style) // 'Outcome: destination (RetriesExhausted after 3 attempt(s); record sent to onFailure destination on-failure)'
 */
export function outcomeLine(fate: Fate | undefined, style: Style): string {
  const last = fate?.steps.at(-1)
  const text = `Outcome: ${fate?.state ?? 'unknown'}${last?.reason === undefined ? '' : ` (${last.reason})`}`
  return fate?.state === 'processed' ? style.bold(text) : style.red(text)
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`
}

function cut(line: string, max: number): string {
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
