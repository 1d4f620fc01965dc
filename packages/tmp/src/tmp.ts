import { mkdirSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { lifecycleOf, type Middleware, type MiddlewareRequest } from '@sluice/core'
import { ensureSpace } from './budget.ts'
import { keepMatcher } from './keep.ts'
import { sweepLeftovers } from './leftovers.ts'
import { resolveTmpOptions, type TmpOptions } from './options.ts'
import { openScratch, type Scratch, type ScratchHandle } from './scratch.ts'
import { handleStrays } from './strays.ts'
import { type TmpWarnFn, warnerFor } from './warn.ts'

/** The container's facts, settled at its first invocation (so a TMPDIR set by the runtime applies). */
interface Container {
  readonly root: string
  readonly isKept: (name: string) => boolean
  /**
   * The root's names when the last invocation ended, strays handled. Lambda freezes the process between
   * invocations, so this is what the next one starts with, and it saves a readdir per invocation.
   */
  listing: Set<string> | undefined
}

interface Invocation {
  readonly handle: ScratchHandle
  /** The root's names at the start, when strays are checked. */
  readonly before: ReadonlySet<string> | undefined
  /** Past this epoch ms Lambda has killed the invocation, so its after/onError hooks will never run. */
  deadline: number
  readonly context: TmpRequest['context']
}

type TmpRequest = MiddlewareRequest<{ context: { tmp: Scratch } }>

const sweptMessage = (what: string, root: string, names: string[]) =>
  `Removed ${names.length} ${what} from ${root}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`

/**
 * /tmp hygiene for one handler: each invocation gets `context.tmp`, a private scratch directory (random name,
 * mode 0700, created on first use) that is removed when the invocation ends — on success, on error, and after a
 * timeout at the next invocation or cold start. Entries the invocation leaves in the root outside the scratch are
 * reported or removed (`strays`), stale entries are swept when space is low, and `minFreeBytes` refuses to start
 * with too little space (`TMP_NO_SPACE`). Use it first (outermost), and keep caches with `keep`.
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
  const { prefix, strays, staleAfterMs, sweepBelowBytes, minFreeBytes } = settings
  let container: Container | undefined
  const invocations = new WeakMap<object, Invocation>()
  // Invocations whose scratch exists: the ones a killed invocation can leave behind.
  const withScratch = new Set<Invocation>()
  const warnFor = (request: TmpRequest): TmpWarnFn => warnerFor(settings.warn, request.context)

  function startContainer(warn: TmpWarnFn): Container {
    const root = resolve(settings.root ?? tmpdir())
    mkdirSync(root, { recursive: true, mode: 0o700 })
    const swept = sweepLeftovers(root, prefix, readdirSync(root))
    if (swept.length > 0) {
      warn(sweptMessage('leftover scratch directories', root, swept), {
        code: 'TMP_LEFTOVERS_SWEPT',
        paths: swept.map((name) => join(root, name)),
      })
    }
    return { root, isKept: keepMatcher(settings.keep, root), listing: undefined }
  }

  function close(invocation: Invocation, warn: TmpWarnFn): void {
    const path = invocation.handle.path
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

  /** Removes the scratch of invocations past their deadline (killed: no hook ran); true if it removed any. */
  function sweepAbandoned(now: number, warn: TmpWarnFn): boolean {
    const swept: string[] = []
    for (const invocation of withScratch) {
      if (invocation.deadline > now || !invocation.handle.path) continue
      swept.push(invocation.handle.path)
      close(invocation, warn)
    }
    if (swept.length > 0) {
      warn(
        `Removed the scratch directories of ${swept.length} timed-out invocation(s): ${swept.join(', ')}`,
        {
          code: 'TMP_LEFTOVERS_SWEPT',
          paths: swept,
        },
      )
    }
    return swept.length > 0
  }

  function finish(request: TmpRequest): void {
    const invocation = invocations.get(request.context)
    if (!invocation || !container) return
    invocations.delete(request.context)
    const warn = warnFor(request)
    close(invocation, warn)
    if (!invocation.before) return
    const { root, isKept } = container
    try {
      const after = new Set(readdirSync(root))
      for (const path of handleStrays({
        root,
        prefix,
        policy: strays,
        isKept,
        before: invocation.before,
        after,
        warn,
      })) {
        if (strays === 'delete') after.delete(basename(path))
      }
      container.listing = after
    } catch (cause) {
      warn(`Could not check ${root} for strays (${String(cause)})`, {
        code: 'TMP_CLEANUP_FAILED',
        paths: [root],
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
      container ??= startContainer(warn)
      const { root, isKept, listing } = container
      container.listing = undefined
      const abandoned = sweepAbandoned(now, warn)
      const stale = ensureSpace({ root, prefix, staleAfterMs, isKept, now, sweepBelowBytes, minFreeBytes })
      if (stale.length > 0) {
        warn(sweptMessage('stale entries (free space was low)', root, stale), {
          code: 'TMP_STALE_SWEPT',
          paths: stale.map((name) => join(root, name)),
        })
      }
      const fresh = listing === undefined || abandoned || stale.length > 0
      const invocation: Invocation = {
        handle: openScratch(root, prefix, function scratchCreated() {
          // The deadline is absolute, so reading it now (only for invocations that use their scratch) is exact.
          invocation.deadline = lifecycleOf(invocation.context).deadline
          withScratch.add(invocation)
        }),
        before: strays === 'ignore' ? undefined : fresh ? new Set(readdirSync(root)) : listing,
        deadline: Number.POSITIVE_INFINITY,
        context: request.context,
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
