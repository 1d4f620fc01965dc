import { glob, readFile, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { SluiceRuntimeError } from '../errors.ts'
import type { PackageFile } from './bundle.ts'

/**
 * Collects the files a handler reads at run time (with `fs`, beside its module), which a bundle cannot inline:
 * each pattern is a path or a glob (`assets/**`, `*.pem`) relative to `baseDir`, the handler's directory, and
 * each file keeps that relative path in the zip, so `new URL('./assets/x.json', import.meta.url)` finds it
 * beside `index.mjs` as it did beside the source. A directory brings every file under it. Throws
 * `INCLUDE_NOT_FOUND` for a pattern that matches no file, or one that reaches outside `baseDir`.
 *
 * @example
 * await collectIncludes(['templates/**', 'ca.pem'], '/app/src')
 * // [{ path: 'ca.pem', contents }, { path: 'templates/mail.html', contents }]
 */
export async function collectIncludes(patterns: readonly string[], baseDir: string): Promise<PackageFile[]> {
  const files = new Map<string, string>()
  for (const pattern of patterns) {
    let matched = 0
    for await (const match of glob(pattern, { cwd: baseDir })) {
      const absolute = resolve(baseDir, match)
      const path = relative(baseDir, absolute)
      if (isAbsolute(path) || path === '' || path.split(sep).includes('..')) {
        throw new SluiceRuntimeError(
          'INCLUDE_NOT_FOUND',
          `--include ${pattern} reaches ${absolute}, outside ${baseDir}: include only files beside the handler`,
        )
      }
      for (const file of await filesUnder(absolute)) {
        files.set(relative(baseDir, file).split(sep).join('/'), file)
        matched += 1
      }
    }
    if (matched === 0) {
      throw new SluiceRuntimeError(
        'INCLUDE_NOT_FOUND',
        `--include ${pattern} matches no file in ${baseDir}: patterns are relative to the handler's directory`,
      )
    }
  }
  return Promise.all(
    [...files].map(async ([path, file]) => ({ path, contents: new Uint8Array(await readFile(file)) })),
  )
}

async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path]
  const found: string[] = []
  for await (const match of glob('**', { cwd: path, withFileTypes: true })) {
    if (match.isFile()) found.push(resolve(match.parentPath, match.name))
  }
  return found
}
