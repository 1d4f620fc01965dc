import type { MiddlewareRequest } from '@sluice/core'
import type { Scratch, ScratchHandle } from './scratch.ts'
import type { Baseline, StrayCheck } from './stray-check.ts'

// What one tmp() keeps per container and per invocation (module state is per worker thread).

/**
 * The container's facts, settled at its first invocation (so a TMPDIR set by the runtime applies).
 *
 * @example
 * const { root, concurrent } = container
 */
export interface Container {
  readonly root: string
  /** The root with links resolved: scratch directories' real paths are this joined with their names. */
  readonly realRoot: string
  readonly isKept: (name: string) => boolean
  /**
   * Managed Instances: other invocations run on this thread while one ends, so a scratch is made and removed on
   * the thread pool (the invocation still answers only once it is gone), and the leftover sweep runs at most once
   * a second.
   */
  readonly concurrent: boolean
  /** Absent with `strays: 'ignore'`. */
  readonly strays: StrayCheck | undefined
}

/**
 * One invocation as tmp() tracks it, from its `before` until its scratch is gone.
 *
 * @example
 * if (hasEnded(invocation, Date.now())) abandon(invocation, warn)
 */
export interface Invocation {
  readonly handle: ScratchHandle
  /** The root's listing at the start, when strays are checked. */
  readonly before: Baseline | undefined
  /** Past this epoch ms Lambda has killed the invocation, so its after/onError hooks will never run. */
  deadline: number
  readonly request: TmpRequest
  /** Unregisters the scratch's removal from the deadline guard, if there is one. */
  unguard: () => void
}

/** The request tmp()'s hooks see: `context.tmp` is theirs to set. */
export type TmpRequest = MiddlewareRequest<{ context: { tmp: Scratch } }>

/**
 * Ended without tmp's `after`/`onError`: past its deadline, or a middleware answered early (middy then marks the
 * request with `earlyResponse` and skips the hooks after it). Never true for an invocation still running.
 *
 * @example
 * for (const invocation of withScratch) if (hasEnded(invocation, Date.now())) abandon(invocation, warn)
 */
export const hasEnded = (invocation: Invocation, now: number): boolean =>
  invocation.deadline <= now || 'earlyResponse' in invocation.request
