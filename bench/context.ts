import { type ContextOptions, createContext } from '@sluice/testing'

/**
 * A Lambda context for benchmarks: its remaining time stays at `timeoutMs` however long the run takes (a clock
 * that never moves), so every measured call sees what a fresh invocation sees, and groups measured minutes after
 * the runner imported them do not find their context past its deadline.
 *
 * @example
 * const context = benchContext({ timeoutMs: 60_000 })
 */
export const benchContext = (options: Omit<ContextOptions, 'clock'> = {}) =>
  createContext({ timeoutMs: 60_000, ...options, clock: { now: () => 0 } })
