import { basename, dirname, join, relative } from 'node:path'
import { type BuildFailure, type BuildOptions, build } from 'esbuild'
import { SluiceRuntimeError } from '../errors.ts'

/**
 * What {@link bundleHandler} builds from.
 *
 * @example
 * const options: BundleOptions = { entry: '/app/src/orders.ts', exportName: 'handler' }
 */
export interface BundleOptions {
  /** Absolute path of the handler module (`.ts`, `.mts`, `.js`, `.mjs`, …). */
  readonly entry: string
  /** The export Lambda calls; `a.b` for a nested one. Checked against what the bundle exports. */
  readonly exportName: string
  /** Bundle `@aws-sdk/*` instead of using the SDK the nodejs24.x runtime ships. Default false. */
  readonly bundleSdk?: boolean
}

/**
 * One file of the deployment package: its path inside the zip and its bytes.
 *
 * @example
 * const file: PackageFile = { path: 'index.mjs', contents: new TextEncoder().encode('export const handler = …') }
 */
export interface PackageFile {
  readonly path: string
  readonly contents: Uint8Array
}

/**
 * The bundled handler: `index.mjs` and its source map, and the module's exports.
 *
 * @example
 * const { files, exports } = await bundleHandler({ entry, exportName: 'handler' }) // exports: ['handler']
 */
export interface BundledHandler {
  readonly files: readonly PackageFile[]
  readonly exports: readonly string[]
}

/**
 * The packages left to the nodejs24.x runtime (which ships the AWS SDK v3) unless `bundleSdk`. Only the
 * clients: the SDK's own `@smithy/*` dependencies stay out with it, while a `@smithy/*` package that bundled
 * code imports itself (the X-Ray SDK does) is bundled, so the package never leans on the runtime's internals.
 *
 * @example
 * RUNTIME_PROVIDED // ['@aws-sdk/*']
 */
export const RUNTIME_PROVIDED = ['@aws-sdk/*'] as const

/**
 * Prepended to the bundle: CommonJS dependencies bundled into an ES module still call `require` (pino, for Node's
 * built-ins: `Dynamic require of "node:os" is not supported` without it) and read `__filename`/`__dirname`
 * (thread-stream, the X-Ray SDK), which ES modules do not define. The imports are aliased so that they cannot
 * clash with the bundle's own names.
 *
 * @example
 * build({ banner: { js: REQUIRE_SHIM }, format: 'esm', … })
 */
export const REQUIRE_SHIM = [
  "import { createRequire as __sluiceCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sluiceFileURLToPath } from 'node:url';",
  "import { dirname as __sluiceDirname } from 'node:path';",
  'const require = __sluiceCreateRequire(import.meta.url);',
  'const __filename = __sluiceFileURLToPath(import.meta.url);',
  'const __dirname = __sluiceDirname(__filename);',
].join('\n')

/**
 * The esbuild options of a Lambda bundle: one minified ES module for Node 24 with a linked source map (mappings
 * only), the `require` shim, names kept (stack traces and `constructor.name` as in the source), ESM entries of
 * dependencies first, and the runtime's AWS SDK external unless `bundleSdk`.
 *
 * @example
 * await build({ ...lambdaBuildOptions(false), entryPoints: ['src/handler.ts'], outfile: 'dist/index.mjs' })
 */
export function lambdaBuildOptions(bundleSdk: boolean): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    external: bundleSdk ? [] : [...RUNTIME_PROVIDED],
    logLevel: 'silent',
  }
}

/**
 * Bundles a handler into `index.mjs` (+ `index.mjs.map`) in memory, and checks that it exports `exportName`.
 * Throws `BUNDLE_FAILED` with esbuild's first error (an import that does not resolve, a syntax error) and
 * `HANDLER_EXPORT_MISSING` naming the exports there are.
 *
 * @example
 * const { files } = await bundleHandler({ entry: '/app/src/handler.ts', exportName: 'handler' })
 * files.map((file) => file.path) // ['index.mjs', 'index.mjs.map']
 */
export async function bundleHandler(options: BundleOptions): Promise<BundledHandler> {
  // Paths in the source map are relative to the outfile, so it sits beside the entry (one level down if the entry
  // is itself an index.mjs, which esbuild would refuse to overwrite); nothing is written.
  const beside = dirname(options.entry)
  const outdir = basename(options.entry) === 'index.mjs' ? join(beside, '.sluice-package') : beside
  const outfile = join(outdir, 'index.mjs')
  const result = await build({
    ...lambdaBuildOptions(options.bundleSdk ?? false),
    entryPoints: [options.entry],
    outfile,
    write: false,
    metafile: true,
  }).catch((error: unknown) => {
    throw new SluiceRuntimeError('BUNDLE_FAILED', `cannot bundle ${options.entry}: ${firstError(error)}`, {
      cause: error,
    })
  })
  const output = Object.values(result.metafile.outputs).find((entry) => entry.entryPoint !== undefined)
  const exports = output?.exports ?? []
  const topLevel = options.exportName.split('.')[0] ?? options.exportName
  if (!exports.includes(topLevel)) {
    const found = exports.length === 0 ? 'none' : exports.join(', ')
    throw new SluiceRuntimeError(
      'HANDLER_EXPORT_MISSING',
      `${options.entry} has no export "${topLevel}" (exports: ${found}): export it, or name another after '#'`,
    )
  }
  const files = result.outputFiles.map((file) => ({
    path: relative(outdir, file.path),
    contents: file.contents,
  }))
  return { files, exports }
}

function firstError(error: unknown): string {
  if (isBuildFailure(error)) {
    const [first] = error.errors
    if (first !== undefined) {
      const where = first.location ? `${first.location.file}:${first.location.line}: ` : ''
      return `${where}${first.text}`
    }
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && 'errors' in error && Array.isArray(error.errors)
}
