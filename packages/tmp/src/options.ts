import { tmpOptions } from './errors.ts'
import type { Keep } from './keep.ts'
import type { TmpWarnFn } from './warn.ts'

/** What to do with entries an invocation created in the root outside its scratch directory. */
export type StrayPolicy = 'warn' | 'delete' | 'ignore'

/**
 * Options of `tmp()`. Every one has a default.
 *
 * @example
 * const options: TmpOptions = { strays: 'delete', keep: [assets.dir], minFreeBytes: 50 * 1024 ** 2 }
 */
export interface TmpOptions {
  /** Directory holding the scratch directories; `os.tmpdir()` read at the container's first invocation. */
  readonly root?: string
  /** Scratch directories are named `<prefix>-<owner>-<16 hex>` (the README's Managed Instances section); letters, digits, `.`, `_`, `-`. */
  readonly prefix?: string
  /** New top-level entries of the root after an invocation, outside its scratch and not kept. */
  readonly strays?: StrayPolicy
  /** What sweeps and the stray check leave alone (caches): names, globs, absolute paths, RegExps or a predicate. */
  readonly keep?: Keep
  /** Age (own mtime) past which an entry of the root may be swept when space is low. */
  readonly staleAfterMs?: number
  /** Sweep stale entries before the handler when fewer bytes than this are free; 0 never sweeps. */
  readonly sweepBelowBytes?: number
  /** Refuse to run the handler (`TMP_NO_SPACE`) with fewer bytes free than this after sweeping; 0 never refuses. */
  readonly minFreeBytes?: number
  /** Where warnings go; default `context.log.warn` when a logger is there, else `process.emitWarning`. */
  readonly warn?: TmpWarnFn
}

/** Lambda's longest invocation: nothing older can belong to a running one. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000
/** 64 MiB: an eighth of Lambda's default 512 MB /tmp. */
export const DEFAULT_SWEEP_BELOW_BYTES = 64 * 1024 * 1024
export const DEFAULT_PREFIX = 'sluice-scratch'

/** {@link TmpOptions} with defaults applied (the root stays lazy: `undefined` = `os.tmpdir()` at first use). */
export interface ResolvedTmpOptions {
  readonly root: string | undefined
  readonly prefix: string
  readonly strays: StrayPolicy
  readonly keep: Keep
  readonly staleAfterMs: number
  readonly sweepBelowBytes: number
  readonly minFreeBytes: number
  readonly warn: TmpWarnFn | undefined
}

/**
 * Applies defaults and checks every option, throwing `TMP_INVALID_OPTION` (with `path`) for one that cannot work.
 *
 * @example
 * resolveTmpOptions({ strays: 'delete' }).staleAfterMs // 900000
 */
export function resolveTmpOptions(options: TmpOptions): ResolvedTmpOptions {
  tmpOptions.check(
    typeof options === 'object' && options !== null,
    'options',
    options,
    'an object (or nothing)',
  )
  const {
    root,
    prefix = DEFAULT_PREFIX,
    strays = 'warn',
    keep = [],
    staleAfterMs = DEFAULT_STALE_AFTER_MS,
    sweepBelowBytes = DEFAULT_SWEEP_BELOW_BYTES,
    minFreeBytes = 0,
    warn,
  } = options
  tmpOptions.check(
    root === undefined || (typeof root === 'string' && root.length > 0 && !root.includes('\0')),
    'root',
    root,
    'a directory path',
  )
  tmpOptions.check(
    typeof prefix === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(prefix),
    'prefix',
    prefix,
    '1 to 64 letters, digits, ".", "_" or "-"',
  )
  tmpOptions.check(
    ['warn', 'delete', 'ignore'].includes(strays),
    'strays',
    strays,
    "'warn', 'delete' or 'ignore'",
  )
  tmpOptions.check(
    typeof keep === 'function' || Array.isArray(keep),
    'keep',
    keep,
    'an array of names, globs, paths or RegExps, or a function',
  )
  // Whole numbers: a fraction of a byte or ms means a unit mix-up, and NaN or Infinity would disable a check silently.
  tmpOptions.number('staleAfterMs', staleAfterMs, { integer: true, min: 0 })
  tmpOptions.number('sweepBelowBytes', sweepBelowBytes, { integer: true, min: 0 })
  tmpOptions.number('minFreeBytes', minFreeBytes, { integer: true, min: 0 })
  tmpOptions.check(
    warn === undefined || typeof warn === 'function',
    'warn',
    warn,
    'a function (message, details) => void',
  )
  return { root, prefix, strays, keep, staleAfterMs, sweepBelowBytes, minFreeBytes, warn }
}
