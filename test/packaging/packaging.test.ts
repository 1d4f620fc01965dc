/**
 * Packages as users install them: build every publishable package, `pnpm pack` it, install the tarballs with
 * npm into a scratch project outside the workspace (everything else from the npm registry), then use them from
 * plain ESM, from CommonJS, from a strict TypeScript project (`node16`, `skipLibCheck: false`,
 * `declaration: true`), through esbuild bundles, and through the installed `sluice` CLI.
 *
 * It takes a minute or two (most of it the declaration build, the install and tsc). To leave it out on purpose,
 * set SLUICE_SKIP_PACKAGING=1: the tests then show as skipped, with a warning saying why. Nothing else skips them.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForLambda } from './bundle.ts'
import { splitDiagnostics, undeclaredPackages } from './diagnostics.ts'
import { createScratchProject } from './scratch-project.ts'
import {
  buildPackages,
  type EntryPoint,
  entryPoints,
  nodeFirstEnv,
  type Packed,
  packPackages,
  publishablePackages,
  root,
  run,
} from './workspace-packages.ts'

const skip = process.env.SLUICE_SKIP_PACKAGING === '1'
if (skip) console.warn('test/packaging: skipped because SLUICE_SKIP_PACKAGING=1')

/** Optional peers of sluice's packages: never installed here, and nothing may need them. */
const OPTIONAL_PEERS = [
  '@aws-sdk/client-dynamodb',
  'ioredis',
  '@aws-sdk/client-ssm',
  '@aws-sdk/client-secrets-manager',
]

describe.skipIf(skip)('packages as users install them', () => {
  const { packages, skipped } = publishablePackages()
  const entries = packages.flatMap(entryPoints)
  let work = ''
  let app = ''
  let packed: Packed[] = []

  beforeAll(async () => {
    if (skipped.length)
      console.warn(`test/packaging: not packed yet (no src/index.ts): ${skipped.join(', ')}`)
    work = mkdtempSync(join(tmpdir(), 'sluice-packaging-'))
    app = join(work, 'app')
    mkdirSync(join(work, 'tarballs'))
    await buildPackages(packages, 150_000)
    packed = await packPackages(packages, join(work, 'tarballs'))
    await createScratchProject(
      app,
      packed,
      entries.map((entry) => entry.specifier),
    )
  }, 360_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  const node = async (file: string, args: string[] = [], cwd = app) =>
    JSON.parse((await run(process.execPath, [file, ...args], { cwd, timeoutMs: 20_000 })).stdout) as Record<
      string,
      unknown
    >

  const sluice = async (args: string[]) => {
    const bin = join(app, 'node_modules/.bin/sluice')
    const { stdout } = await run(bin, [...args, '--json'], {
      cwd: app,
      env: nodeFirstEnv(),
      timeoutMs: 60_000,
    })
    return JSON.parse(stdout) as { invocations: { result: unknown; coldStart: boolean }[] }
  }

  const sourceExports = async (entry: EntryPoint) => Object.keys(await import(entry.source)).sort()

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

  it('installs the tarballs with npm: versions instead of workspace:, exports at dist, Node ≥ 22, no optional peer', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>
    }
    for (const p of packed) {
      const text = readFileSync(join(app, 'node_modules', p.name, 'package.json'), 'utf8')
      expect(text, p.name).not.toContain('workspace:')
      const manifest = JSON.parse(text)
      expect(manifest.exports['.'], p.name).toEqual({
        types: './dist/index.d.mts',
        default: './dist/index.mjs',
      })
      expect(manifest.engines, p.name).toEqual({ node: '>=22' })
      expect(lock.packages[`node_modules/${p.name}`]?.resolved, p.name).toMatch(/^file:.*\.tgz$/)
    }
    const sluiceFromRegistry = Object.entries(lock.packages).filter(
      ([path, entry]) => path.includes('@sluice/') && !entry.resolved?.startsWith('file:'),
    )
    expect(sluiceFromRegistry).toEqual([])
    expect(OPTIONAL_PEERS.filter((peer) => existsSync(join(app, 'node_modules', peer)))).toEqual([])
  })

  it('imports every entry point (subpaths too, no optional peer installed) from plain ESM with the exports its source has', async () => {
    expect(entries.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining(['@sluice/idempotency/dynamodb', '@sluice/init/ssm', '@sluice/init/secrets']),
    )
    const installed = await node('exports.mjs')
    for (const entry of entries)
      expect(installed[entry.specifier], entry.specifier).toEqual(await sourceExports(entry))
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

  it('requires every entry point from CommonJS on Node 24 (require of an ES module)', async () => {
    const required = await node('exports.cjs')
    for (const entry of entries) {
      const names = (required[entry.specifier] as string[]).filter(
        (name) => name !== '__esModule' && name !== 'module.exports',
      )
      expect(names, entry.specifier).toEqual(await sourceExports(entry))
    }
  })

  it('runs the installed sluice bin, which has no src/ and falls back to dist/cli.mjs', async () => {
    const bin = join(app, 'node_modules/.bin/sluice')
    const { stdout } = await run(bin, ['--help'], { cwd: app, env: nodeFirstEnv(), timeoutMs: 20_000 })
    expect(stdout).toContain('sluice invoke <file#export>')
  })

  it('has the installed sluice bin say which Node it needs, and exit 2, on Node 20', async () => {
    const asNode20 =
      'data:text/javascript,for (const [o, k, v] of [[process.versions, "node", "20.19.0"], [process, "version", "v20.19.0"]]) Object.defineProperty(o, k, { value: v })'
    const bin = join(app, 'node_modules/@sluice/runtime/bin/sluice.mjs')
    const { code, stderr, stdout } = await run(process.execPath, ['--import', asNode20, bin, '--help'], {
      cwd: app,
      exitCodes: [0, 1, 2],
    })
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toContain('sluice needs Node ≥ 22 (found v20.19.0)')
  })

  it('type-checks strict TypeScript (node16, skipLibCheck false, declaration true) with no error in sluice or user code', async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc')
    const { stdout } = await run(
      process.execPath,
      [tsc, '-p', join(app, 'tsconfig.json'), '--pretty', 'false'],
      {
        cwd: app,
        timeoutMs: 120_000,
        exitCodes: [0, 1, 2],
      },
    )
    const { ours, others } = splitDiagnostics(stdout, app)
    if (others.length)
      console.warn(
        `test/packaging: errors inside other libraries' declarations (report upstream):\n${others
          .map((d) => `  ${d.file}:${d.line} ${d.code} ${d.message}`)
          .join('\n')}`,
      )
    expect(ours).toEqual([])
    // Every emitted declaration names only packages the project depends on (TS2742 where they are not hoisted).
    const { dependencies } = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const emitted = readdirSync(join(app, 'declarations'))
    expect(emitted).toEqual(
      expect.arrayContaining(['logger-middy.d.ts', 'idempotent.d.ts', 'init-once.d.ts']),
    )
    for (const file of emitted) {
      const text = readFileSync(join(app, 'declarations', file), 'utf8')
      expect(undeclaredPackages(text, Object.keys(dependencies)), file).toEqual([])
    }
  }, 130_000)

  it('bundles a handler importing @sluice/core with esbuild into one file that runs without node_modules', async () => {
    const bundleDir = join(work, 'bundle')
    const inputs = await bundleForLambda(app, 'handler.ts', join(bundleDir, 'handler.mjs'))
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
    expect(await node(join(bundleDir, 'run.mjs'), [], bundleDir)).toEqual({
      ok: { greeting: 'hello Ada', invocation: 1 },
      failed: 'NAME_REQUIRED',
    })
  })

  it('bundles a memory-store idempotency handler with neither the DynamoDB nor the Redis client installed, and runs it', async () => {
    const bundleDir = join(work, 'idempotent')
    const inputs = await bundleForLambda(app, 'idempotent.ts', join(bundleDir, 'index.mjs'))
    expect(inputs.some((input) => input.endsWith('@sluice/idempotency/dist/index.mjs'))).toBe(true)
    writeFileSync(
      join(bundleDir, 'run.mjs'),
      [
        "import { handler } from './index.mjs'",
        'const context = { awsRequestId: "r-1", functionName: "orders", getRemainingTimeInMillis: () => 3000 }',
        'const first = await handler({ orderId: "a", cents: 5 }, context)',
        'const duplicate = await handler({ orderId: "a", cents: 5 }, context)',
        'const other = await handler({ orderId: "b", cents: 7 }, context)',
        'process.stdout.write(JSON.stringify({ first, duplicate, other }))',
      ].join('\n'),
    )
    expect(await node(join(bundleDir, 'run.mjs'), [], bundleDir)).toEqual({
      first: { orderId: 'a', cents: 5, charge: 1 },
      duplicate: { orderId: 'a', cents: 5, charge: 1 },
      other: { orderId: 'b', cents: 7, charge: 2 },
    })
  })

  it('runs a .ts handler with the installed sluice CLI', async () => {
    const { invocations } = await sluice([
      'invoke',
      'idempotent.ts#handler',
      '-e',
      '{"orderId":"a","cents":5}',
      '-n',
      '2',
    ])
    expect(invocations.map((i) => [i.result, i.coldStart])).toEqual([
      [{ orderId: 'a', cents: 5, charge: 1 }, true],
      [{ orderId: 'a', cents: 5, charge: 1 }, false],
    ])
  }, 70_000)

  it('packages a handler with the installed `sluice package`, unzips it and runs the .mjs with `sluice invoke`', async () => {
    const out = join(work, 'lambda-package')
    const packaged = JSON.parse(
      (
        await run(
          join(app, 'node_modules/.bin/sluice'),
          ['package', 'logger-middy.ts#handler', '--out', out, '--json'],
          {
            cwd: app,
            env: nodeFirstEnv(),
            timeoutMs: 60_000,
          },
        )
      ).stdout,
    ) as { zipPath: string; handler: string }
    expect(packaged.handler).toBe('index.handler')
    const unzipped = join(work, 'lambda-unzipped')
    mkdirSync(unzipped)
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(packaged.zipPath)))) {
      writeFileSync(join(unzipped, path), bytes)
    }
    const { invocations } = await sluice(['invoke', `${join(unzipped, 'index.mjs')}#handler`, '-e', '{}'])
    expect(invocations.map((i) => i.result)).toEqual([{ ok: true }])
  }, 90_000)
})
