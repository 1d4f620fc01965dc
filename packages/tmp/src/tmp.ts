import { realpathSync } from 'node:fs'
import { join } from 'node:path'
import { lifecycleOf, type Middleware, multiConcurrent, requestSlot } from '@sluice/core'
import { spaceBudget } from './budget.ts'
import { openRoot, sweepRoot, sweptMessage } from './container-root.ts'
import { onGuardFired } from './guard-cleanup.ts'
import { keepMatcher } from './keep.ts'
import { resolveTmpOptions, type TmpOptions } from './options.ts'
import type { Removed } from './remove.ts'
import { listRoot, type RootListing } from './root-listing.ts'
import { watchRoot } from './root-watch.ts'
import { openScratch, type Scratch, type ScratchHandle, type ScratchOptions } from './scratch.ts'
import { parseScratchName } from './scratch-name.ts'
import { type Baseline, strayCheck } from './stray-check.ts'
import { type Container, hasEnded, type Invocation, type TmpRequest } from './tmp-state.ts'
import { type TmpWarnFn, warnerFor } from './warn.ts'

/**
 * Managed Instances: how long after a leftover sweep another one waits. In flight, some invocation of the thread
 * holds a scratch nearly always, so "a scratch was made since the last sweep" would list the root every time.
 */
const LEFTOVER_SWEEP_MS = 1_000

const noop = (): void => {}

const isScratchOf =
  (prefix: string) =>
  (name: string): boolean =>
    parseScratchName(name, prefix) !== undefined

/**
 * /tmp hygiene for one handler: each invocation gets `context.tmp`, a private scratch directory (random name,
 * mode 0700, created on first use) that is removed when the invocation ends — on success, on error, when a
 * `@sluice/timeout` guard answers (through `context.timeout.onCleanup`), after an early response at the next
 * invocation, and after a hard kill at the next cold start. No invocation starts while a scratch of an ended one
 * is left (this process's leftovers are swept before the handler), and no sweep touches the scratch of an
 * invocation in flight, in this worker thread or another (Managed Instances): the scratch's name says who owns
 * it until when. Entries the invocation leaves in the root outside the scratch are reported or removed
 * (`strays`), stale entries are swept when space is low, and `minFreeBytes` refuses to start with too little space
 * (`TMP_NO_SPACE`). Use it last (innermost, so no early answer skips its hooks), and keep caches with `keep`.
 *
 * @example
 * const assets = tmpCache({ dir: 'assets', maxBytes: 100 * 1024 ** 2 })
 * export const handler = lambda<S3Event>()
 *   .use(tmp({ keep: [assets.dir], minFreeBytes: 32 * 1024 ** 2 }))
 *   .handler(async (event, context) => {
 *     const pdf = context.tmp.file('report.pdf')
 *     await render(event, pdf)
 *     return upload(pdf)
 *   })
 */
export const tmp = (options: TmpOptions = {}): Middleware<{ context: { tmp: Scratch } }> => {
  const settings = resolveTmpOptions(options)
  const { prefix, strays, staleAfterMs } = settings
  const budget = spaceBudget(settings.sweepBelowBytes, settings.minFreeBytes)
  let container: Container | undefined
  // Each invocation's state rides on middy's request, from before to after/onError.
  const invocations = requestSlot<Invocation>('sluice.tmp invocation')
  // Invocations whose scratch exists: the ones an invocation that ends without our hooks can leave behind.
  const withScratch = new Set<Invocation>()
  // A scratch was made since the root was last swept: work an ended invocation left running may re-create it.
  let unswept = false
  let sweptAt = Number.NEGATIVE_INFINITY
  // Managed Instances: the last invocation to end used its scratch, so the next ones get theirs made off the thread.
  let inUse = false
  const warnFor = (request: TmpRequest): TmpWarnFn => warnerFor(settings.warn, request.context)

  /** One invocation as tmp() tracks it (see {@link Invocation}), its scratch not made yet. */
  class TrackedInvocation implements Invocation {
    readonly handle: ScratchHandle
    readonly before: Baseline | undefined
    deadline = Number.POSITIVE_INFINITY
    readonly request: TmpRequest
    unguard: () => void = noop

    constructor(request: TmpRequest, before: Baseline | undefined, root: string, realRoot: string) {
      this.request = request
      this.before = before
      this.handle = openScratch(root, prefix, new ScratchCallbacks(this, realRoot))
    }
  }

  /**
   * What an invocation's scratch calls back, as methods rather than closures made in `before`. Per invocation,
   * `before` allocates only class instances, no object or array literal and no closure: V8 pretenured the
   * literals it saw surviving, and a burst of invocations then kept every invocation's objects until a full
   * collection (3–4 µs per invocation instead of under 1; bench, "tmp: per-invocation overhead").
   */
  class ScratchCallbacks implements ScratchOptions {
    readonly #invocation: Invocation
    readonly realRoot: string

    constructor(invocation: Invocation, realRoot: string) {
      this.#invocation = invocation
      this.realRoot = realRoot
    }

    // Absolute, so reading it now (only for invocations that use their scratch) is exact. It goes into the
    // scratch's name: other worker threads and processes learn from it until when it is in flight.
    deadline(): number {
      const invocation = this.#invocation
      invocation.deadline = lifecycleOf(invocation.request.context).deadline
      return invocation.deadline
    }

    onCreate(): void {
      const invocation = this.#invocation
      withScratch.add(invocation)
      unswept = true
      budget.spent()
      // A guard that answers for a hung chain runs no after/onError hook of ours: remove the scratch then.
      invocation.unguard = onGuardFired(invocation.request.context, function removeScratchOnTimeout() {
        abandon(invocation, warnFor(invocation.request))
      })
    }
  }

  function closed(invocation: Invocation, removed: Removed | 'none', warn: TmpWarnFn): void {
    const path = invocation.handle.path
    withScratch.delete(invocation)
    if (removed === 'link' && path) {
      warn(
        `The scratch directory ${path} had been replaced by a symbolic link: removed the link, not its target`,
        {
          code: 'TMP_SCRATCH_REPLACED',
          paths: [path],
        },
      )
    }
  }

  function closeFailed(invocation: Invocation, cause: unknown, warn: TmpWarnFn): void {
    const path = invocation.handle.path
    // Keep it listed, already expired, so the next invocation tries again.
    withScratch.add(invocation)
    invocation.deadline = Number.NEGATIVE_INFINITY
    warn(
      `Could not remove the scratch directory ${path} (${String(cause)}); the next invocation tries again`,
      {
        code: 'TMP_CLEANUP_FAILED',
        paths: path ? [path] : [],
        cause,
      },
    )
  }

  function close(invocation: Invocation, warn: TmpWarnFn): void {
    invocation.unguard()
    try {
      closed(invocation, invocation.handle.close(), warn)
    } catch (cause) {
      closeFailed(invocation, cause, warn)
    }
  }

  /** {@link close} on the thread pool, for an invocation whose scratch exists; never rejects. */
  async function closeOffThread(invocation: Invocation, warn: TmpWarnFn): Promise<void> {
    invocation.unguard()
    // Out of the ended-invocation sweep while its removal runs (closeFailed puts it back).
    withScratch.delete(invocation)
    try {
      closed(invocation, await invocation.handle.closeOffThread(), warn)
    } catch (cause) {
      closeFailed(invocation, cause, warn)
    }
  }

  /** Closes an invocation that ended without our hooks; a late `after` of its chain then finds nothing to do. */
  function abandon(invocation: Invocation, warn: TmpWarnFn): void {
    invocations.take(invocation.request)
    close(invocation, warn)
  }

  /** Removes the scratch of invocations that ended without our hooks; true if it removed any. */
  function sweepEnded(now: number, warn: TmpWarnFn): boolean {
    if (withScratch.size === 0) return false
    const swept: string[] = []
    for (const invocation of withScratch) {
      if (!invocation.handle.path || !hasEnded(invocation, now)) continue
      swept.push(invocation.handle.path)
      abandon(invocation, warn)
    }
    if (swept.length > 0) {
      warn(`Removed the scratch directories of ${swept.length} ended invocation(s): ${swept.join(', ')}`, {
        code: 'TMP_LEFTOVERS_SWEPT',
        paths: swept,
      })
    }
    return swept.length > 0
  }

  function checkStrays(own: Container, before: Baseline | undefined, warn: TmpWarnFn): void {
    if (!before || !own.strays) return
    try {
      own.strays.end(before, warn)
    } catch (cause) {
      warn(`Could not check ${own.root} for strays (${String(cause)})`, {
        code: 'TMP_CLEANUP_FAILED',
        paths: [own.root],
        cause,
      })
    }
  }

  /** Removes the scratch, then checks for strays; a promise only when the removal runs on the thread pool. */
  function finish(request: TmpRequest): Promise<void> | undefined {
    const own = container
    if (!own) return undefined
    const invocation = invocations.take(request)
    if (!invocation) return undefined
    const warn = warnFor(request)
    inUse = invocation.handle.used
    if (own.concurrent && invocation.handle.path !== undefined) {
      return closeOffThread(invocation, warn).then(function scratchRemoved() {
        checkStrays(own, invocation.before, warn)
      })
    }
    close(invocation, warn)
    checkStrays(own, invocation.before, warn)
    return undefined
  }

  return {
    // Synchronous hooks: the work is a few metadata syscalls (see removeEntry for why removal is synchronous too),
    // and middy skips the await for a hook that returns no promise. Only on Managed Instances, where other
    // invocations share the thread, do they return one: a scratch made or removed on the thread pool.
    before: function tmpBefore(request) {
      const warn = warnFor(request)
      const now = Date.now()
      let fresh: RootListing | undefined
      if (!container) {
        const { root, listing } = openRoot(settings.root, prefix, warn, now)
        const isKept = keepMatcher(settings.keep, root)
        const concurrent = multiConcurrent()
        container = {
          root,
          realRoot: realpathSync.native(root),
          isKept,
          concurrent,
          strays:
            strays === 'ignore'
              ? undefined
              : strayCheck({
                  root,
                  prefix,
                  policy: strays,
                  isKept,
                  concurrent,
                  // In flight, other invocations make and remove scratch directories all the time: counted, they
                  // would have every start and end list the root. One at a time, the invocation's own scratch
                  // counts: its end then lists the root, and finds an entry written after the handler's last wait.
                  watched: watchRoot(root, concurrent ? isScratchOf(prefix) : undefined),
                  onFound: budget.spent,
                }),
        }
        fresh = listing
        sweptAt = now
      }
      const { root, realRoot, isKept, concurrent } = container
      sweepEnded(now, warn)
      // One invocation at a time: after every invocation that made a scratch. In flight (a clock stepped back counts
      // as due): once per LEFTOVER_SWEEP_MS.
      const sweepDue = !concurrent || now - sweptAt >= LEFTOVER_SWEEP_MS || now < sweptAt
      if (unswept && !fresh && sweepDue) {
        fresh = sweepRoot(root, prefix, warn, now)
        sweptAt = now
        unswept = withScratch.size > 0
      }
      const stale = budget.due(now) ? budget.check({ root, prefix, staleAfterMs, isKept, now }) : undefined
      if (stale !== undefined && stale.length > 0) {
        warn(sweptMessage('stale entries (free space was low)', root, stale), {
          code: 'TMP_STALE_SWEPT',
          paths: stale.map((name) => join(root, name)),
        })
        if (strays !== 'ignore') fresh = listRoot(root)
      }
      const before = container.strays?.start(fresh)
      const invocation = new TrackedInvocation(request, before, root, realRoot)
      invocations.set(request, invocation)
      request.context.tmp = invocation.handle.scratch
      // In flight, a synchronous mkdir on first use would hold every invocation on the thread: while invocations
      // use their scratch, it is made here on the thread pool (one that then goes unused is removed all the same).
      if (concurrent && inUse) return invocation.handle.prepare()
      return undefined
    },
    after: function tmpAfter(request) {
      return finish(request)
    },
    onError: function tmpOnError(request) {
      return finish(request)
    },
  }
}
