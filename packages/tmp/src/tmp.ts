import { join } from 'node:path'
import { lifecycleOf, type Middleware, type MiddlewareRequest, multiConcurrent } from '@sluice/core'
import { spaceBudget } from './budget.ts'
import { openRoot, sweepRoot, sweptMessage } from './container-root.ts'
import { onGuardFired } from './guard-cleanup.ts'
import { keepMatcher } from './keep.ts'
import { resolveTmpOptions, type TmpOptions } from './options.ts'
import { listRoot, type RootListing } from './root-listing.ts'
import { watchRoot } from './root-watch.ts'
import { openScratch, type Scratch, type ScratchHandle } from './scratch.ts'
import { type Baseline, type StrayCheck, strayCheck } from './stray-check.ts'
import { type TmpWarnFn, warnerFor } from './warn.ts'

/** The container's facts, settled at its first invocation (so a TMPDIR set by the runtime applies). */
interface Container {
  readonly root: string
  readonly isKept: (name: string) => boolean
  /** Absent with `strays: 'ignore'`. */
  readonly strays: StrayCheck | undefined
}

interface Invocation {
  readonly handle: ScratchHandle
  /** The root's listing at the start, when strays are checked. */
  readonly before: Baseline | undefined
  /** Past this epoch ms Lambda has killed the invocation, so its after/onError hooks will never run. */
  deadline: number
  readonly request: TmpRequest
  /** Unregisters the scratch's removal from the deadline guard, if there is one. */
  unguard: () => void
}

type TmpRequest = MiddlewareRequest<{ context: { tmp: Scratch } }>

/**
 * Ended without tmp's `after`/`onError`: past its deadline, or a middleware answered early (middy then marks the
 * request with `earlyResponse` and skips the hooks after it). Never true for an invocation still running.
 */
const hasEnded = (invocation: Invocation, now: number): boolean =>
  invocation.deadline <= now || 'earlyResponse' in invocation.request

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
  const invocations = new WeakMap<object, Invocation>()
  // Invocations whose scratch exists: the ones an invocation that ends without our hooks can leave behind.
  const withScratch = new Set<Invocation>()
  // A scratch was made since the root was last swept: work an ended invocation left running may re-create it.
  let unswept = false
  const warnFor = (request: TmpRequest): TmpWarnFn => warnerFor(settings.warn, request.context)

  function close(invocation: Invocation, warn: TmpWarnFn): void {
    const path = invocation.handle.path
    invocation.unguard()
    try {
      const removed = invocation.handle.close()
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
    } catch (cause) {
      // Keep it listed, already expired, so the next invocation tries again.
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
  }

  /** Closes an invocation that ended without our hooks; a late `after` of its chain then finds nothing to do. */
  function abandon(invocation: Invocation, warn: TmpWarnFn): void {
    invocations.delete(invocation.request.context)
    close(invocation, warn)
  }

  /** Removes the scratch of invocations that ended without our hooks; true if it removed any. */
  function sweepEnded(now: number, warn: TmpWarnFn): boolean {
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

  function finish(request: TmpRequest): void {
    const invocation = invocations.get(request.context)
    if (!invocation || !container) return
    invocations.delete(request.context)
    const warn = warnFor(request)
    close(invocation, warn)
    const { before } = invocation
    if (!before || !container.strays) return
    try {
      container.strays.end(before, warn)
    } catch (cause) {
      warn(`Could not check ${container.root} for strays (${String(cause)})`, {
        code: 'TMP_CLEANUP_FAILED',
        paths: [container.root],
        cause,
      })
    }
  }

  return {
    // Synchronous hooks: the work is a few metadata syscalls (see removeEntry for why removal is synchronous too),
    // and middy skips the await for a hook that returns no promise.
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
          isKept,
          strays:
            strays === 'ignore'
              ? undefined
              : strayCheck({
                  root,
                  prefix,
                  policy: strays,
                  isKept,
                  concurrent,
                  watched: watchRoot(root),
                  onFound: budget.spent,
                }),
        }
        fresh = listing
      }
      const { root, isKept } = container
      sweepEnded(now, warn)
      if (unswept && !fresh) {
        fresh = sweepRoot(root, prefix, warn, now)
        unswept = withScratch.size > 0
      }
      const stale = budget.check({ root, prefix, staleAfterMs, isKept, now })
      if (stale.length > 0) {
        warn(sweptMessage('stale entries (free space was low)', root, stale), {
          code: 'TMP_STALE_SWEPT',
          paths: stale.map((name) => join(root, name)),
        })
        if (strays !== 'ignore') fresh = listRoot(root)
      }
      const before = container.strays?.start(fresh)
      const invocation: Invocation = {
        handle: openScratch(root, prefix, {
          deadline: function invocationDeadline() {
            // Absolute, so reading it now (only for invocations that use their scratch) is exact. It goes into
            // the scratch's name: other worker threads and processes learn from it until when it is in flight.
            invocation.deadline = lifecycleOf(request.context).deadline
            return invocation.deadline
          },
          onCreate: function scratchCreated() {
            withScratch.add(invocation)
            unswept = true
            budget.spent()
            // A guard that answers for a hung chain runs no after/onError hook of ours: remove the scratch then.
            invocation.unguard = onGuardFired(request.context, function removeScratchOnTimeout() {
              abandon(invocation, warn)
            })
          },
        }),
        before,
        deadline: Number.POSITIVE_INFINITY,
        request,
        unguard: () => {},
      }
      invocations.set(request.context, invocation)
      request.context.tmp = invocation.handle.scratch
    },
    after: function tmpAfter(request) {
      finish(request)
    },
    onError: function tmpOnError(request) {
      finish(request)
    },
  }
}
