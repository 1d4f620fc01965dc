import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { SluiceRuntimeError } from '../errors.ts'
import { parseHandlerSpec } from '../handler-spec.ts'
import { bundleHandler } from './bundle.ts'
import { collectIncludes } from './include.ts'
import { checkPackageSize } from './limits.ts'
import { zipPackage } from './zip.ts'

/**
 * What {@link packageHandler} packages, and where it writes the zip.
 *
 * @example
 * const options: PackageOptions = { handler: 'src/orders.ts#handler', outDir: 'dist', include: ['templates/**'] }
 */
export interface PackageOptions {
  /** `path/to/file.ts#export`, relative to `cwd`; the export defaults to `handler`. */
  readonly handler: string
  /** Directory the zip is written to (created if missing), relative to `cwd`. */
  readonly outDir: string
  /** The zip's base name: `<outDir>/<name>.zip`. Default: the handler file's base name. */
  readonly name?: string
  /** Bundle the AWS SDK (`@aws-sdk/*`) instead of using the one nodejs24.x ships. Default false. */
  readonly bundleSdk?: boolean
  /** Files read at run time to add to the zip: paths or globs relative to the handler's directory. */
  readonly include?: readonly string[]
  /** Base of `handler` and `outDir`. Default `process.cwd()`. */
  readonly cwd?: string
}

/**
 * The package written, and what to configure in Lambda.
 *
 * @example
 * const { zipPath, zipBytes, handler } = await packageHandler({ handler: 'src/orders.ts', outDir: 'dist' })
 */
export interface PackageResult {
  /** Absolute path of the zip. */
  readonly zipPath: string
  readonly zipBytes: number
  /** Sum of the files' sizes: what counts against Lambda's 250 MB. */
  readonly unzippedBytes: number
  /** The function's handler setting: `index.<export>`. */
  readonly handler: string
  /** The files in the zip with their sizes, `index.mjs` first. */
  readonly files: readonly { readonly path: string; readonly bytes: number }[]
  /** Limits close to being hit (a zip too large for a direct upload). */
  readonly warnings: readonly string[]
}

/**
 * Builds what Lambda runs from a handler: one minified ES module `index.mjs` (esbuild, Node 24, the `require`
 * shim, a source map, the AWS SDK left to the runtime unless `bundleSdk`) plus any `include`d files, zipped as
 * `<outDir>/<name>.zip` with `index.mjs` at the root. Refuses a package over Lambda's 250 MB unzipped
 * (`PACKAGE_TOO_LARGE`, nothing written); a zip over 50 MB comes back with a warning to upload through S3.
 *
 * @example
 * const { zipPath, handler } = await packageHandler({ handler: 'src/orders.ts#handler', outDir: 'dist' })
 * // zipPath '/app/dist/orders.zip', handler 'index.handler'
 */
export async function packageHandler(options: PackageOptions): Promise<PackageResult> {
  const cwd = options.cwd ?? process.cwd()
  const spec = parseHandlerSpec(options.handler, cwd)
  const name = options.name ?? spec.moduleName
  if (!/^[\w.-]+$/.test(name) || /^\.+$/.test(name)) {
    throw new SluiceRuntimeError(
      'RUNTIME_INVALID_OPTION',
      `zip name "${name}" is not a file name: use letters, digits, '.', '-' and '_'`,
    )
  }
  const bundled = await bundleHandler({
    entry: spec.file,
    exportName: spec.exportName,
    bundleSdk: options.bundleSdk ?? false,
  })
  const included = await collectIncludes(options.include ?? [], dirname(spec.file))
  const files = [...bundled.files, ...included]
  const zip = zipPackage(files)
  const unzippedBytes = files.reduce((sum, file) => sum + file.contents.byteLength, 0)
  const warnings = checkPackageSize({ unzippedBytes, zippedBytes: zip.byteLength })
  const zipPath = join(resolve(cwd, options.outDir), `${name}.zip`)
  await mkdir(dirname(zipPath), { recursive: true })
  await writeFile(zipPath, zip)
  return {
    zipPath,
    zipBytes: zip.byteLength,
    unzippedBytes,
    handler: `index.${spec.exportName}`,
    files: files
      .map((file) => ({ path: file.path, bytes: file.contents.byteLength }))
      .sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1)),
    warnings,
  }
}

const rank = (path: string): number => (path === 'index.mjs' ? 0 : path === 'index.mjs.map' ? 1 : 2)
