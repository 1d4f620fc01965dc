import { build } from 'esbuild'

/** What Lambda's Node runtime needs from an ESM bundle: `require` for CommonJS dependencies bundled inside. */
const REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"

/**
 * Bundles `entry` (resolved from `projectDir`, as a user's build would) into one ESM file with the settings a
 * Lambda package uses — `platform: node`, `target: node24`, minified, `require` from `createRequire` — and
 * returns the bundle's input files (from esbuild's metafile), relative to `projectDir`.
 *
 * @example
 * const inputs = await bundleForLambda(app, 'idempotent.ts', '/tmp/pkg/index.mjs')
 */
export async function bundleForLambda(projectDir: string, entry: string, outfile: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    banner: { js: REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}
