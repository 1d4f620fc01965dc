import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { build, type Metafile } from 'esbuild'

/** A handler bundled for Lambda, and what loading it costs in bytes. */
export interface Bundle {
  /** The entry file to import. */
  readonly file: string
  /** Bytes Node reads at import: the entry chunk and every chunk it imports statically. */
  readonly importBytes: number
  /** Bytes in chunks reached only through dynamic `import()`: loaded on first use, if ever. */
  readonly lazyBytes: number
  /** Output files (chunks) in all. */
  readonly chunks: number
  /** Source files in what is read at import (paths as esbuild reports them, e.g. `…/node_modules/zod/…`). */
  readonly importInputs: readonly string[]
  /** Source files only in the lazy chunks. */
  readonly lazyInputs: readonly string[]
  /** Bytes each source file left in the bundle's chunks after tree-shaking, by its path as esbuild reports it. */
  readonly inputBytes: Readonly<Record<string, number>>
}

// Bundled CommonJS code (pino, the AWS SDK) calls require() for Node's built-ins; an ESM bundle needs one.
const requireShim =
  "import{createRequire as __sluiceCr}from'node:module';const require=__sluiceCr(import.meta.url);"

/**
 * Bundles `entry` the way a Lambda deployment would (esbuild: every dependency bundled, minified, ESM, Node 24),
 * with code splitting so that what a dynamic `import()` reaches lands in its own chunk, and measures what is
 * read at import versus what is left for later.
 *
 * `loadedAtImport` names packages the handler imports dynamically during INIT (a top-level `await import(…)`):
 * their chunks count as read at import.
 *
 * @example
 * const { file, importBytes, lazyBytes } = await bundle('examples/sqs-orders/handler.ts', '/tmp/out/sqs-orders')
 */
export async function bundle(
  entry: string,
  outdir: string,
  loadedAtImport: readonly string[] = [],
): Promise<Bundle> {
  const { metafile } = await build({
    entryPoints: [entry],
    outdir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    splitting: true,
    // ESM entries first (the AWS SDK ships both): with splitting, a dynamic import() of a CommonJS build lands in a
    // chunk that only has a default export, so `const { DynamoDBClient } = await import(…)` would get undefined
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.mjs' },
    banner: { js: requireShim },
    legalComments: 'none',
    metafile: true,
    logLevel: 'error',
  })
  return measure(metafile, `${basename(entry).replace(/\.[cm]?[jt]s$/, '')}.mjs`, loadedAtImport)
}

function measure(metafile: Metafile, entryName: string, loadedAtImport: readonly string[]): Bundle {
  const outputs = metafile.outputs
  // every dynamic import() target is an entry point too: the handler's chunk is the one named after its file
  const entry = Object.keys(outputs).find((path) => basename(path) === entryName)
  if (entry === undefined) throw new Error(`esbuild produced no ${entryName}`)
  const eager = new Set<string>()
  const visit = (path: string) => {
    if (eager.has(path)) return
    eager.add(path)
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entry)
  // chunks the handler imports dynamically during INIT (a top-level await), named by a package they hold
  for (const [path, output] of Object.entries(outputs)) {
    const inputs = Object.keys(output.inputs)
    if (loadedAtImport.some((name) => inputs.some((input) => input.includes(`/node_modules/${name}/`))))
      visit(path)
  }
  const files = Object.keys(outputs).filter((path) => path.endsWith('.mjs'))
  const bytesOf = (paths: Iterable<string>) =>
    [...paths].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0)
  const lazy = files.filter((path) => !eager.has(path))
  const inputsOf = (paths: Iterable<string>) =>
    [...paths].flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}))
  const inputBytes: Record<string, number> = {}
  for (const path of files)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path]?.inputs ?? {}))
      inputBytes[input] = (inputBytes[input] ?? 0) + bytesInOutput
  return {
    file: entry,
    importBytes: bytesOf(eager),
    lazyBytes: bytesOf(lazy),
    chunks: files.length,
    importInputs: inputsOf(eager),
    lazyInputs: inputsOf(lazy),
    inputBytes,
  }
}

const built = new Map<string, Promise<Bundle>>()
let outRoot: string | undefined

/**
 * {@link bundle}, once per entry and `loadedAtImport` in a run: the cold-start and memory groups share the
 * bundles, in one temp dir removed when the bench exits.
 *
 * @example
 * const { file } = await bundleOnce('examples/http-api/handler.ts')
 */
export function bundleOnce(entry: string, loadedAtImport: readonly string[] = []): Promise<Bundle> {
  const key = `${entry}|${loadedAtImport.join(',')}`
  let made = built.get(key)
  if (made === undefined) {
    if (outRoot === undefined) {
      const root = mkdtempSync(join(tmpdir(), 'sluice-bench-bundles-'))
      process.once('exit', function removeBundles() {
        rmSync(root, { recursive: true, force: true })
      })
      outRoot = root
    }
    made = bundle(entry, join(outRoot, String(built.size)), loadedAtImport)
    built.set(key, made)
  }
  return made
}
