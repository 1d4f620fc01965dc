import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * One run of a loader (a `once()` factory, a `cached()` fetch) from its start until it settles, and the runs it
 * waits on meanwhile: a node of the wait-for graph that `once()` and `cached()` check before they hand a promise
 * in flight to a caller. A run, not a loader, is the node: once a run settles it waits on nothing, so a wait
 * that is over never counts against a later run of the same loader.
 *
 * @example
 * const run = startRun(true)
 * const made = inside(run, factory)
 * made.then(() => settleRun(run), () => settleRun(run))
 */
export interface LoaderRun {
  /** Until the run settles. */
  pending: boolean
  readonly waitsOn: Set<LoaderRun>
}

// The loader run the current async context belongs to: entered around the loader's call, so its awaits and the
// promises it makes carry it. Module scope on purpose: it holds no value, only which context is which, and the
// warm path (a value already loaded) never reads it.
const loading = new AsyncLocalStorage<LoaderRun>()

/** The loader run waiting here, when the caller is a loader still running. */
function waiter(): LoaderRun | undefined {
  const run = loading.getStore()
  return run?.pending ? run : undefined
}

/** Whether `from` waits on `target`, directly or through runs still pending. */
function reaches(from: LoaderRun, target: LoaderRun): boolean {
  const seen = new Set<LoaderRun>()
  const stack = [from]
  for (let run = stack.pop(); run !== undefined; run = stack.pop()) {
    if (run === target) return true
    if (!run.pending || seen.has(run)) continue
    seen.add(run)
    for (const next of run.waitsOn) stack.push(next)
  }
  return false
}

/**
 * A new pending run; when a loader starts it and waits for it (`waited`), that loader now waits on it.
 *
 * @example
 * const run = startRun(true)
 */
export function startRun(waited: boolean): LoaderRun {
  const run: LoaderRun = { pending: true, waitsOn: new Set() }
  if (waited) waiter()?.waitsOn.add(run)
  return run
}

/**
 * Calls the loader inside its run: every await and promise of the loader carries the run.
 *
 * @example
 * const made = inside(run, () => factory())
 */
export const inside = <T>(run: LoaderRun, load: () => T): T => loading.run(run, load)

/**
 * Marks the run settled: it waits on nothing any more.
 *
 * @example
 * made.then(() => settleRun(run), () => settleRun(run))
 */
export function settleRun(run: LoaderRun): void {
  run.pending = false
  run.waitsOn.clear()
}

/**
 * Records that the caller waits on the pending `run`, or returns `false` when the caller is a loader that `run`
 * already waits on (itself, or through other loaders): that wait would never end, and the caller must fail.
 * Callers outside any loader (an invocation awaiting INIT) always may wait.
 *
 * @example
 * if (!mayWaitOn(run)) throw new InitError('…', { code: 'ONCE_REENTERED' })
 */
export function mayWaitOn(run: LoaderRun): boolean {
  const current = waiter()
  if (current === undefined) return true
  if (reaches(run, current)) return false
  current.waitsOn.add(run)
  return true
}
