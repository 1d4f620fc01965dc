import { extname } from 'node:path'
import { SluiceRuntimeError } from './errors.ts'

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts'])

/**
 * The Node flags a container needs to import `file`: none for JavaScript, nor for TypeScript on a Node that
 * strips types by default (22.18+, 23.6+, 24+); `--experimental-strip-types` on 22.6–22.17 and 23.0–23.5. Below
 * 22.6 Node cannot strip types: a TypeScript handler then fails with `HANDLER_NOT_LOADABLE`, naming the Node to use.
 *
 * @example
 * typeStrippingFlags('/app/handler.ts', '22.12.0') // ['--experimental-strip-types']
 * typeStrippingFlags('/app/handler.ts', '24.3.0')  // []
 */
export function typeStrippingFlags(file: string, version: string = process.versions.node): string[] {
  if (!TYPESCRIPT.has(extname(file))) return []
  const [major = 0, minor = 0] = version.split('.').map(Number)
  if (major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) return []
  if (major === 23 || (major === 22 && minor >= 6)) return ['--experimental-strip-types']
  throw new SluiceRuntimeError(
    'HANDLER_NOT_LOADABLE',
    `${file} is TypeScript, and Node ${version} cannot strip types: run sluice on Node 22.18 or later ` +
      '(24 is what the packages are tested on), or invoke the built .mjs',
  )
}
