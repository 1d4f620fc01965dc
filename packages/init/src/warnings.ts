import type { InitializationType } from '@sluice/core'

/**
 * Codes of the warnings `awaitInit()` gives:
 * - `SLUICE_INIT_NEAR_LIMIT`: INIT took `warnInitMs` or more; Lambda stops INIT at 10 s and runs it again inside
 *   the first invocation (billed, and counted against the function timeout);
 * - `SLUICE_INIT_AHEAD_OF_TRAFFIC`: the environment was initialised ahead of traffic (provisioned concurrency,
 *   SnapStart, …), so the first invocation is not a cold start and INIT-time values may be old.
 */
export type InitWarningCode = 'SLUICE_INIT_NEAR_LIMIT' | 'SLUICE_INIT_AHEAD_OF_TRAFFIC'

/** Where warnings go. */
export type WarnFn = (message: string, code: InitWarningCode) => void

/**
 * The default {@link WarnFn}: `process.emitWarning` (stderr, so CloudWatch), type `SluiceInitWarning`.
 *
 * @example
 * emitInitWarning('INIT took 8.4 s', 'SLUICE_INIT_NEAR_LIMIT')
 */
export const emitInitWarning: WarnFn = function emitInitWarning(message, code) {
  process.emitWarning(message, { type: 'SluiceInitWarning', code })
}

/** Lambda's limit on the INIT phase of an on-demand environment. */
export const INIT_LIMIT_MS = 10_000

/**
 * The warnings due on the first invocation of a container, given how it was initialised and how long from
 * process start to that invocation it was.
 *
 * @example
 * initWarnings({ initializationType: 'on-demand', initMs: 9000, warnInitMs: 8000 }) // one SLUICE_INIT_NEAR_LIMIT
 */
export function initWarnings(facts: {
  initializationType: InitializationType
  initMs: number
  warnInitMs: number
}): Array<{ message: string; code: InitWarningCode }> {
  const { initializationType, initMs, warnInitMs } = facts
  if (initializationType !== 'on-demand') {
    return [
      {
        code: 'SLUICE_INIT_AHEAD_OF_TRAFFIC',
        message:
          `This environment was initialised ahead of traffic (AWS_LAMBDA_INITIALIZATION_TYPE=${initializationType}): ` +
          'the first invocation is not a cold start, and values fetched during INIT may be old; ' +
          'use context.lifecycle.coldStart rather than counting invocations, and give cached() a ttlMs',
      },
    ]
  }
  if (initMs < warnInitMs) return []
  const seconds = (initMs / 1000).toFixed(1)
  return [
    {
      code: 'SLUICE_INIT_NEAR_LIMIT',
      message:
        `INIT took ${seconds} s, near Lambda's ${INIT_LIMIT_MS / 1000} s limit: past it Lambda stops INIT and runs ` +
        'it again inside the first invocation (billed, counted against the timeout); ' +
        'move slow work out of module scope or let cached() prefetch without awaiting it',
    },
  ]
}
