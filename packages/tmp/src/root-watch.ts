import { type FSWatcher, watch } from 'node:fs'
import { basename } from 'node:path'

/** Renames in one root as seen through `fs.watch` (inotify on Linux), counted as the event loop delivers them. */
export interface RootWatch {
  /**
   * How many entries of the root were added, removed or renamed so far, or `undefined` once the watch is gone (the
   * root itself was removed or renamed, or the watcher failed): the caller then checks the root another way.
   */
  count(): number | undefined
  /** Called after each counted rename, on the event loop (never inside an invocation's hooks). */
  onChange: (() => void) | undefined
}

/**
 * Watches `root`'s top-level names, so that "did anything change since my listing?" costs a comparison instead of
 * a `stat`. Names `ignore` accepts are not counted (tmp's scratch directories: no stray check looks at them, and on
 * Managed Instances other invocations make and remove them all the time). Events arrive asynchronously: a change
 * is counted only once the event loop has turned after it, so an unchanged count means "nothing changed before
 * the loop last turned", not "nothing changed". Contents of files
 * (`change` events) are not counted: only names matter to the stray check. Returns `undefined` where `fs.watch` is
 * not available (no inotify, too many watches): the caller keeps checking with `stat`.
 *
 * @example
 * const watched = watchRoot('/tmp', (name) => name.startsWith('sluice-scratch-'))
 * const seen = watched?.count()
 * // … later, on another turn of the event loop …
 * if (watched?.count() === seen) console.log('no entry added or removed')
 */
export function watchRoot(root: string, ignore?: (name: string) => boolean): RootWatch | undefined {
  let renames: number | undefined = 0
  let watcher: FSWatcher
  const self = basename(root)
  const rootWatch: RootWatch = {
    count: () => renames,
    onChange: undefined,
  }
  function stop(): void {
    renames = undefined
    watcher.close()
  }
  try {
    // Not persistent: the watch must never keep a process (a test run, a worker) alive.
    watcher = watch(root, { persistent: false }, function rootChanged(type, name) {
      if (type !== 'rename' || renames === undefined) return
      // The root itself removed or moved away reports its own name; a child of that name is treated the same way,
      // which only costs the stat-based check from then on.
      if (name === null || name === self) return stop()
      if (ignore?.(name)) return
      renames++
      rootWatch.onChange?.()
    })
  } catch {
    return undefined
  }
  watcher.on('error', stop)
  return rootWatch
}
