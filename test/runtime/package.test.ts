import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSluice } from './process-helpers.ts'

// `sluice package` for every example with a demo.json, as a user runs it, and the zip proven self-contained:
// unzipped into an empty directory (no node_modules above it) and invoked through the local runtime and the real
// aws-lambda-ric. The AWS SDK is left to the Lambda runtime, so no example may need it on these paths: sqs-orders
// runs on the memory store (SLUICE_IDEMPOTENCY_STORE, as `sluice demo`) and s3-thumbnails on a directory
// (OBJECTS_DIR); an SDK import would fail here with "Cannot find package '@aws-sdk/…'".
const root = fileURLToPath(new URL('../..', import.meta.url))
const examples = join(root, 'examples')
const sluice = runSluice
const DEMO_ENV = { SLUICE_DEMO: '1', SLUICE_IDEMPOTENCY_STORE: 'memory' }

interface DemoRun {
  readonly handler: string
  readonly event?: string
  readonly env?: Record<string, string>
  readonly expect?: string
  /** The function's memory size, as its template deploys it. */
  readonly memoryMb?: number
}

/** The first run of an example's demo.json that is expected to succeed. */
async function successfulRun(app: string): Promise<DemoRun> {
  const config = JSON.parse(await readFile(join(examples, app, 'demo.json'), 'utf8'))
  const runs: DemoRun[] = Array.isArray(config) ? config : (config.runs ?? [config])
  const run = runs.find((candidate) => (candidate.expect ?? 'success') === 'success')
  if (run === undefined) throw new Error(`${app}/demo.json has no run expected to succeed`)
  return run
}

/** A fresh working directory with copies of the files the run's env names (fixtures, a config file). */
async function workDir(app: string, run: DemoRun, label: string): Promise<string> {
  const dir = join(scratch, app, label)
  await mkdir(dir, { recursive: true })
  for (const value of Object.values(run.env ?? {})) {
    const source = join(examples, app, value)
    await cp(source, join(dir, value), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error // not a path: a plain setting
    })
  }
  return dir
}

/** Keys and value types, recursively (JSON in strings too): what must match between bundle and source. */
function shape(value: unknown): unknown {
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      return { json: shape(JSON.parse(value)) }
    } catch {
      return 'string'
    }
  }
  if (Array.isArray(value)) return value.map(shape)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]))
  }
  return value === null ? 'null' : typeof value
}

async function invoke(handler: string, run: DemoRun, app: string, cwd: string) {
  const env = { ...DEMO_ENV, ...run.env }
  const args = [
    'invoke',
    handler,
    '--json',
    ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
  ]
  if (run.event !== undefined) args.push('--event', join(examples, app, run.event))
  if (run.memoryMb !== undefined) args.push('--memory', String(run.memoryMb))
  const result = await sluice(args, cwd)
  if (result.code !== 0 || result.stderr !== '') {
    throw new Error(
      `sluice invoke ${handler} exited ${result.code}: ${result.stderr}${result.stdout.slice(0, 2000)}`,
    )
  }
  const [invocation] = JSON.parse(result.stdout).invocations
  expect(invocation.error, `${handler} failed`).toBeUndefined()
  return invocation.result
}

let scratch: string
let apps: string[]
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sluice-package-e2e-'))
  const entries = await readdir(examples, { withFileTypes: true })
  const candidates = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  const withDemo = await Promise.all(
    candidates.map((app) =>
      readFile(join(examples, app, 'demo.json')).then(
        () => app,
        () => undefined,
      ),
    ),
  )
  apps = withDemo.filter((app) => app !== undefined).sort()
})
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** Packages, unzips and invokes one example; the bundle must answer what the source answers. */
async function packageAndInvoke(app: string): Promise<void> {
  const run = await successfulRun(app)
  const [file, exportName = 'handler'] = run.handler.split('#')
  const packaged = await sluice(
    [
      'package',
      `examples/${app}/${file}#${exportName}`,
      '--out',
      join(scratch, 'zips'),
      '--name',
      app,
      '--json',
    ],
    root,
  )
  if (packaged.code !== 0 || packaged.stderr !== '') {
    throw new Error(`sluice package exited ${packaged.code}: ${packaged.stderr}`)
  }
  const result = JSON.parse(packaged.stdout)
  expect(result.zipPath).toBe(join(scratch, 'zips', `${app}.zip`))
  expect(result.handler).toBe(`index.${exportName}`)

  const unzipped = join(scratch, app, 'task')
  await mkdir(unzipped, { recursive: true })
  const entries = unzipSync(new Uint8Array(await readFile(result.zipPath)))
  expect(Object.keys(entries).sort()).toEqual(['index.mjs', 'index.mjs.map'])
  for (const [path, contents] of Object.entries(entries)) {
    await mkdir(dirname(join(unzipped, path)), { recursive: true })
    await writeFile(join(unzipped, path), contents)
  }

  const bundled = await invoke(
    `${join(unzipped, 'index.mjs')}#${exportName}`,
    run,
    app,
    await workDir(app, run, 'bundle'),
  )
  const source = await invoke(join(examples, app, run.handler), run, app, await workDir(app, run, 'source'))
  expect(shape(bundled), "the bundle's response has the source's shape").toEqual(shape(source))
}

describe('sluice package: every example bundled, unzipped alone and invoked through the real RIC', () => {
  it('finds the examples', () => {
    expect(apps.length).toBeGreaterThanOrEqual(6)
  })

  it('each zip runs on its own and answers as the source handler does', { timeout: 180_000 }, async () => {
    // two at a time: each packaging and each invocation is a child process, on a 2-core machine
    const queue = [...apps]
    const failures: string[] = []
    const worker = async () => {
      for (let app = queue.shift(); app !== undefined; app = queue.shift()) {
        await packageAndInvoke(app).catch((error: unknown) => {
          failures.push(`${app}: ${error instanceof Error ? error.message : String(error)}`)
        })
      }
    }
    await Promise.all([worker(), worker()])
    expect(failures).toEqual([])
  })

  it("every example's SAM template deploys the zip sluice package writes, with the handler it prints", async () => {
    for (const app of apps) {
      const template = await readFile(join(examples, app, 'template.yaml'), 'utf8')
      const { handler } = await successfulRun(app)
      const [file = '', exportName = 'handler'] = handler.split('#')
      // `sluice package <file>#<export> --out dist` writes dist/<file's base name>.zip
      expect(template, app).toMatch(
        new RegExp(`\\n\\s+CodeUri: dist/${basename(file).replace(/\.[^.]+$/, '')}\\.zip\\n`),
      )
      expect(template, app).toMatch(new RegExp(`\\n\\s+Handler: index\\.${exportName}\\n`))
      expect(template, app).not.toMatch(/BuildMethod/)
    }
  })

  it.each([
    ['examples/hello/handler.ts', [], /^sluice: sluice package needs one handler and --out/],
    ['examples/hello/handler.ts#greet', ['--out'], /has no export "greet" \(exports: handler\)/],
    ['examples/hello/handler.ts', ['--out', '--include', 'none/**'], /--include none\/\*\* matches no file/],
  ])('refuses bad input with one line and exit code 2: %s %j', async (handler, options, message) => {
    const out = join(scratch, 'never')
    const run = await sluice(
      ['package', handler, ...options.flatMap((o) => (o === '--out' ? [o, out] : [o]))],
      root,
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
