/**
 * Packages as users install them: build every publishable package, `pnpm pack` it, install the tarballs into
 * a scratch project outside the workspace (from a registry on 127.0.0.1 backed by the workspace's pnpm store:
 * no network), then use them from plain ESM, from CommonJS, from a TypeScript project with
 * `module`/`moduleResolution: node16`, and through an esbuild bundle.
 *
 * It takes about a minute (most of it the declaration build and tsc). To leave it out on purpose, set
 * SLUICE_SKIP_PACKAGING=1: the tests then show as skipped, with a warning saying why. Nothing else skips them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalRegistry } from './local-registry.ts'
import { createScratchProject, startWorkspaceRegistry } from './scratch-project.ts'
import {
  buildPackages,
  cleanEnv,
  type Packed,
  packPackages,
  pnpm,
  publishablePackages,
  root,
  run,
  type WorkspacePackage,
} from './workspace-packages.ts'

const skip = process.env.SLUICE_SKIP_PACKAGING === '1'
if (skip) console.warn('test/packaging: skipped because SLUICE_SKIP_PACKAGING=1')

describe.skipIf(skip)('packages as users install them', () => {
  const { packages, skipped } = publishablePackages()
  let work = ''
  let app = ''
  let registry: LocalRegistry | undefined
  let packed: Packed[] = []

  beforeAll(async () => {
    if (skipped.length)
      console.warn(`test/packaging: not packed yet (no src/index.ts): ${skipped.join(', ')}`)
    work = mkdtempSync(join(tmpdir(), 'sluice-packaging-'))
    app = join(work, 'app')
    mkdirSync(join(work, 'tarballs'))
    await buildPackages(packages, 150_000)
    packed = await packPackages(packages, join(work, 'tarballs'))
    registry = await startWorkspaceRegistry(packed)
    const { command, prefix } = pnpm()
    const storeDir = (
      await run(command, [...prefix, 'store', 'path'], { cwd: root, env: cleanEnv() })
    ).stdout.trim()
    await createScratchProject(app, packed, registry, { storeDir, cacheDir: join(work, 'pnpm-cache') })
  }, 240_000)

  afterAll(async () => {
    await registry?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  const node = async (file: string, args: string[] = []) =>
    JSON.parse(
      (await run(process.execPath, [file, ...args], { cwd: app, timeoutMs: 20_000 })).stdout,
    ) as Record<string, unknown>

  const sourceExports = async (pkg: WorkspacePackage) =>
    Object.keys(await import(join(pkg.dir, 'src/index.ts'))).sort()

  it('packs the built entry points, without sources or workspace: ranges', () => {
    expect(packed.map((p) => p.name)).toEqual(packages.map((p) => p.name).sort())
    for (const p of packed) {
      const files = p.files.map((f) => f.path)
      expect(files, p.name).toEqual(
        expect.arrayContaining(['package.json', 'dist/index.mjs', 'dist/index.d.mts']),
      )
      expect(
        files.filter((f) => f.startsWith('src/')),
        p.name,
      ).toEqual([])
    }
  })

  it('installs the tarballs with dependencies rewritten to versions and exports pointing at dist', () => {
    for (const p of packed) {
      const text = readFileSync(join(app, 'node_modules', p.name, 'package.json'), 'utf8')
      expect(text, p.name).not.toContain('workspace:')
      expect(JSON.parse(text).exports['.'], p.name).toEqual({
        types: './dist/index.d.mts',
        default: './dist/index.mjs',
      })
    }
  })

  it('imports every package from plain ESM with the exports its source has', async () => {
    const installed = await node('exports.mjs')
    for (const pkg of packages) expect(installed[pkg.name], pkg.name).toEqual(await sourceExports(pkg))
  })

  it('calls one function of every package from plain ESM', async () => {
    const results = await node(
      'smoke.mjs',
      packed.map((p) => p.name),
    )
    const expected: Record<string, unknown> = {
      '@sluice/core': { records: 3, cold: true },
      '@sluice/testing': 2000,
      '@sluice/runtime': 1,
      '@sluice/init': 42,
      '@sluice/tmp': 'function',
      '@sluice/logger': 'hello',
      '@sluice/tracer': false,
      '@sluice/timeout': 1005,
      '@sluice/events': 'sqs',
      '@sluice/batch': 2,
      '@sluice/idempotency': '{"a":[2],"b":1}',
    }
    for (const p of packed)
      expect(results[p.name], `${p.name} (every package needs a call in consumer/smoke.mjs)`).toEqual(
        expected[p.name],
      )
  })

  it('requires every package from CommonJS on Node 24 (require of an ES module)', async () => {
    const required = await node('exports.cjs')
    for (const pkg of packages) {
      const names = (required[pkg.name] as string[]).filter(
        (name) => name !== '__esModule' && name !== 'module.exports',
      )
      expect(names, pkg.name).toEqual(await sourceExports(pkg))
    }
  })

  it('runs the installed sluice bin, which has no src/ and falls back to dist/cli.mjs', async () => {
    const bin = join(app, 'node_modules/@sluice/runtime/bin/sluice.mjs')
    const { stdout } = await run(process.execPath, [bin, '--help'], { cwd: app, timeoutMs: 20_000 })
    expect(stdout).toContain('sluice invoke <file#export>')
  })

  it('type-checks a TypeScript project with moduleResolution node16 against the published declarations', async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc')
    const { stdout } = await run(process.execPath, [tsc, '-p', join(app, 'tsconfig.json')], {
      cwd: app,
      timeoutMs: 90_000,
    })
    expect(stdout.trim()).toBe('')
  }, 100_000)

  it('bundles a handler importing @sluice/core with esbuild into one file that runs without node_modules', async () => {
    const bundleDir = join(work, 'bundle')
    const result = await build({
      absWorkingDir: app,
      entryPoints: ['handler.ts'],
      outfile: join(bundleDir, 'handler.mjs'),
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((input) => input.endsWith('@sluice/core/dist/index.mjs'))).toBe(true)
    expect(inputs.filter((input) => input.includes('/src/') || input.includes('@sluice/testing'))).toEqual([])
    writeFileSync(
      join(bundleDir, 'run.mjs'),
      [
        "import { handler } from './handler.mjs'",
        'const context = { awsRequestId: "r-1", functionName: "greet", getRemainingTimeInMillis: () => 3000 }',
        'const ok = await handler({ name: "Ada" }, context)',
        'const failed = await handler({}, context).catch((error) => error.code)',
        'process.stdout.write(JSON.stringify({ ok, failed }))',
      ].join('\n'),
    )
    const { stdout } = await run(process.execPath, [join(bundleDir, 'run.mjs')], {
      cwd: bundleDir,
      timeoutMs: 20_000,
    })
    expect(JSON.parse(stdout)).toEqual({
      ok: { greeting: 'hello Ada', invocation: 1 },
      failed: 'NAME_REQUIRED',
    })
  })
})
