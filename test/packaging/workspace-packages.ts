import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The workspace root (this file is test/packaging/workspace-packages.ts). */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/** A package under packages/ that would be published. */
export type WorkspacePackage = { name: string; dir: string }

/** What `pnpm pack --json` reports. */
export type Packed = { name: string; version: string; filename: string; files: { path: string }[] }

/**
 * The publishable packages: not private, with a `src/index.ts`. A package still being written (no index yet)
 * is listed in `skipped` instead of failing the build.
 */
export const publishablePackages = (): { packages: WorkspacePackage[]; skipped: string[] } => {
  const packages: WorkspacePackage[] = []
  const skipped: string[] = []
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', name)
    if (!existsSync(join(dir, 'package.json'))) continue
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string
      private?: boolean
    }
    if (manifest.private) continue
    if (existsSync(join(dir, 'src/index.ts'))) packages.push({ name: manifest.name, dir })
    else skipped.push(manifest.name)
  }
  return { packages, skipped }
}

/** One entry point of a package: what a user imports, and the source file it is built from. */
export type EntryPoint = { specifier: string; source: string }

/**
 * The entry points a package's `exports` map declares (in the workspace they point at `src/`): `.` and every
 * subpath, such as `@sluice/idempotency/dynamodb`.
 *
 * @example
 * entryPoints({ name: '@sluice/events', dir }) // [{ specifier: '@sluice/events', … }, { specifier: '@sluice/events/decode', … }]
 */
export const entryPoints = (pkg: WorkspacePackage): EntryPoint[] => {
  const { exports } = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
    exports: Record<string, string>
  }
  return Object.entries(exports).map(([subpath, source]) => ({
    specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`,
    source: join(pkg.dir, source),
  }))
}

/**
 * Runs a command to completion; rejects with its output when it outlives `timeoutMs` (then it is killed, so a
 * hung install cannot hold the test) or exits with a code not in `exitCodes` (default: only 0).
 */
export const run = (
  command: string,
  args: string[],
  {
    cwd,
    env = process.env,
    timeoutMs = 60_000,
    exitCodes = [0],
  }: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; exitCodes?: number[] },
): Promise<{ stdout: string; stderr: string; code: number }> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code !== null && exitCodes.includes(code)) return resolve({ stdout, stderr, code })
      const why = signal ? `was killed (${signal}) after ${timeoutMs} ms` : `exited with ${code}`
      const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')
      reject(new Error(`${[command, ...args].join(' ')} (in ${cwd}) ${why}:\n${tail}`))
    })
  })

/**
 * pnpm as the test was started with: `pnpm test` sets `npm_execpath` to pnpm's own script, which then runs on
 * this Node; otherwise the `pnpm` on PATH.
 */
export const pnpm = (): { command: string; prefix: string[] } => {
  const execPath = process.env.npm_execpath
  return execPath && /pnpm\.c?js$/.test(execPath)
    ? { command: process.execPath, prefix: [execPath] }
    : { command: 'pnpm', prefix: [] }
}

/** The environment for a child pnpm, without the `npm_*` settings the parent pnpm exported for the workspace. */
export const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
  ...extra,
})

/**
 * The environment for npm and the programs it starts: {@link cleanEnv}, with the directory of the Node that runs
 * the test (the workspace's Node 24) first on PATH, so `npm` (a `#!/usr/bin/env node` script) runs on it.
 */
export const nodeFirstEnv = (): NodeJS.ProcessEnv => {
  const env = cleanEnv()
  const path = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH'
  return { ...env, [path]: [dirname(process.execPath), env[path]].filter(Boolean).join(delimiter) }
}

/**
 * Builds the packages in one tsdown process (the root package.json's `tsdown.workspace`; each package's own
 * `tsdown` field says its entries). One process type-checks the shared dependencies once: several times faster
 * than a build per package.
 */
export const buildPackages = async (packages: WorkspacePackage[], timeoutMs: number): Promise<void> => {
  const require = createRequire(join(root, 'package.json'))
  const tsdownDir = dirname(require.resolve('tsdown/package.json'))
  const bin = (
    JSON.parse(readFileSync(join(tsdownDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }
  ).bin.tsdown
  if (!bin) throw new Error('tsdown has no bin: is the root devDependency installed?')
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name])
  await run(process.execPath, [join(tsdownDir, bin), ...filters, '--log-level', 'warn'], {
    cwd: root,
    timeoutMs,
  })
}

/** `pnpm pack` for each package into `destination`, four at a time. */
export const packPackages = async (packages: WorkspacePackage[], destination: string): Promise<Packed[]> => {
  const { command, prefix } = pnpm()
  const queue = [...packages]
  const packed: Packed[] = []
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      const args = [...prefix, 'pack', '--pack-destination', destination, '--json']
      const { stdout } = await run(command, args, { cwd: pkg.dir, env: cleanEnv(), timeoutMs: 30_000 })
      packed.push(JSON.parse(stdout.slice(stdout.indexOf('{'))) as Packed)
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  return packed.sort((a, b) => a.name.localeCompare(b.name))
}
