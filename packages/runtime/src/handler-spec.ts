import { existsSync, statSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { SluiceRuntimeError } from './errors.ts'

/** A handler given as `path/to/file.ts#export`, resolved against a working directory. */
export interface HandlerSpec {
  /** What the user wrote, for messages. */
  readonly raw: string
  /** Absolute path of the module. */
  readonly file: string
  /** `file://` URL of the module, what the generated task root imports. */
  readonly url: string
  /** Export name; `handler` when the spec has no `#`. */
  readonly exportName: string
  /** Module name for `_HANDLER` (the file's base name, dots replaced, as the RIC splits on the first dot). */
  readonly moduleName: string
}

const EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'])

/**
 * Parses and checks `file#export`; throws `HANDLER_SPEC_INVALID` or `HANDLER_FILE_NOT_FOUND` with a fix.
 *
 * @example
 * parseHandlerSpec('examples/hello/handler.ts#handler', process.cwd()).exportName // 'handler'
 */
export function parseHandlerSpec(raw: string, cwd: string): HandlerSpec {
  const hash = raw.lastIndexOf('#')
  const path = hash === -1 ? raw : raw.slice(0, hash)
  const exportName = hash === -1 ? 'handler' : raw.slice(hash + 1)
  if (path === '' || exportName === '' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(exportName)) {
    throw new SluiceRuntimeError(
      'HANDLER_SPEC_INVALID',
      `"${raw}" is not a handler: write it as path/to/file.ts#exportName`,
    )
  }
  const file = resolve(cwd, path)
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new SluiceRuntimeError(
      'HANDLER_FILE_NOT_FOUND',
      `cannot find handler file ${path} (looked at ${file}): check the path before '#'`,
    )
  }
  const extension = extname(file)
  if (!EXTENSIONS.has(extension)) {
    throw new SluiceRuntimeError(
      'HANDLER_SPEC_INVALID',
      `${path} is not a JavaScript or TypeScript module: point at a .ts, .mts, .js or .mjs file`,
    )
  }
  const moduleName = basename(file, extension).replace(/[^\w$-]/g, '_') || 'index'
  return { raw, file, url: pathToFileURL(file).href, exportName, moduleName }
}
