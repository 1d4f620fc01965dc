import { type FSWatcher, watch } from 'node:fs'

/**
 * Watches `dir` and its subfolders and calls `onChange` with the files that changed, once they have been quiet
 * for `debounceMs` (an editor's save is several events). Changes under `node_modules` and in dotfiles or
 * dotfolders (`.git`, `.sluice`) are ignored. Returns a function that stops watching.
 *
 * @example
 * const stop = watchDirectory('src', (files) => console.log(`${files.join(', ')} changed`))
 */
export function watchDirectory(
  dir: string,
  onChange: (files: readonly string[]) => void,
  debounceMs = 100,
): () => void {
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let watcher: FSWatcher | undefined
  const flush = () => {
    timer = undefined
    const files = [...changed]
    changed.clear()
    if (files.length > 0) onChange(files)
  }
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
      if (file === null || ignored(file)) return
      changed.add(file)
      clearTimeout(timer)
      timer = setTimeout(flush, debounceMs)
    })
    // A watched folder that goes away (or a watch limit) must not take `sluice dev` down: reload just stops.
    watcher.on('error', () => watcher?.close())
  } catch {
    watcher = undefined
  }
  return () => {
    clearTimeout(timer)
    watcher?.close()
  }
}

function ignored(file: string): boolean {
  return file.split(/[\\/]/).some((part) => part === 'node_modules' || part.startsWith('.'))
}
