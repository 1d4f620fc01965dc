import { existsSync } from 'node:fs'
import { basename, extname, isAbsolute } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { InvalidOptionError, LambdaInvokeError } from './errors.ts'
import { toLambdaError } from './lambda-error.ts'

/**
 * The file URL of a handler module, from an absolute path or a `file:` URL (string or `URL`).
 *
 * @example
 * moduleUrl('/app/src/handler.ts').href // 'file:///app/src/handler.ts'
 * moduleUrl(new URL('./handler.ts', import.meta.url))
 */
export function moduleUrl(module: string | URL): URL {
  if (module instanceof URL) return checkFileUrl(module)
  if (isAbsolute(module)) return pathToFileURL(module)
  if (URL.canParse(module)) return checkFileUrl(new URL(module))
  throw new InvalidOptionError(
    'module',
    `"${module}" is relative; pass an absolute path or a URL, e.g. new URL('./handler.ts', import.meta.url)`,
  )
}

/**
 * Imports a fresh instance of the module at `url` (a query string makes the loader evaluate it again)
 * and returns its `exportName` export. Fails with the `errorType` the Node.js runtime reports:
 * `Runtime.ImportModuleError` (no such file), `Runtime.UserCodeSyntaxError`, `Runtime.HandlerNotFound`,
 * or the name of whatever the module scope threw.
 *
 * @example
 * const handler = await loadHandler(moduleUrl('/app/handler.ts'), 'handler', 'sluice-container=1', isFn)
 */
export async function loadHandler<THandler>(
  url: URL,
  exportName: string,
  query: string,
  isHandler: (value: unknown) => value is THandler,
): Promise<THandler> {
  const path = fileURLToPath(url)
  if (!existsSync(path)) {
    throw initError('Runtime.ImportModuleError', `Error: Cannot find module '${path}'`)
  }
  const fresh = new URL(url)
  fresh.search = query
  let namespace: unknown
  try {
    namespace = await import(fresh.href)
  } catch (thrown) {
    const shape = toLambdaError(thrown)
    if (thrown instanceof SyntaxError) shape.errorType = 'Runtime.UserCodeSyntaxError'
    throw new LambdaInvokeError(shape, { cause: thrown })
  }
  const handlerString = `${basename(path, extname(path))}.${exportName}`
  const handler = exportOf(namespace, exportName)
  if (handler === undefined) {
    throw initError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`)
  }
  if (!isHandler(handler)) throw initError('Runtime.HandlerNotFound', `${handlerString} is not a function`)
  return handler
}

/** Finds `name` on the module, or on its default export as the runtime does for CommonJS handlers. */
function exportOf(namespace: unknown, name: string): unknown {
  if (typeof namespace !== 'object' || namespace === null) return undefined
  const own: unknown = Reflect.get(namespace, name)
  if (own !== undefined) return own
  const fallback: unknown = Reflect.get(namespace, 'default')
  if (typeof fallback !== 'object' || fallback === null) return undefined
  const nested: unknown = Reflect.get(fallback, name)
  return nested
}

function initError(errorType: string, errorMessage: string): LambdaInvokeError {
  return new LambdaInvokeError({ errorType, errorMessage, trace: [] })
}

function checkFileUrl(url: URL): URL {
  if (url.protocol !== 'file:') {
    throw new InvalidOptionError('module', `needs a file: URL, got ${url.protocol}`)
  }
  return url
}
