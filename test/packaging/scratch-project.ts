import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { nodeFirstEnv, type Packed, root, run } from './workspace-packages.ts'

const consumerFixtures = new URL('./consumer/', import.meta.url)

/**
 * Files generated per run because they list whichever packages were packed: an ESM and a CommonJS file that
 * print the export names of every entry point (subpaths included), and a TypeScript file that imports every
 * package's main declarations (a subpath's may name the optional peer it is for).
 */
const generatedFiles = (names: string[], specifiers: string[]): Record<string, string> => ({
  'exports.mjs': [
    'const out = {}',
    ...specifiers.map(
      (name) => `out[${JSON.stringify(name)}] = Object.keys(await import(${JSON.stringify(name)})).sort()`,
    ),
    'process.stdout.write(JSON.stringify(out))',
  ].join('\n'),
  'exports.cjs': [
    'const out = {}',
    ...specifiers.map(
      (name) => `out[${JSON.stringify(name)}] = Object.keys(require(${JSON.stringify(name)})).sort()`,
    ),
    'process.stdout.write(JSON.stringify(out))',
  ].join('\n'),
  'all-packages.ts': names
    .map((name, i) => `import * as p${i} from ${JSON.stringify(name)}\nexport const m${i}: object = p${i}`)
    .join('\n'),
})

const versionIn = (manifest: string, name: string): string => {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const version = dependencies[name] ?? devDependencies[name]
  if (version === undefined) throw new Error(`${manifest} does not pin ${name}`)
  return version
}

/**
 * What a user adds beside sluice, at the versions the workspace pins: the @types packages, and `@middy/core`
 * for the plain-middy handler. Never an optional peer (AWS SDK clients, ioredis): the test proves sluice works
 * without them.
 */
const registryPackages = (): string[] => [
  `@types/node@${versionIn(join(root, 'package.json'), '@types/node')}`,
  `@types/aws-lambda@${versionIn(join(root, 'package.json'), '@types/aws-lambda')}`,
  `@middy/core@${versionIn(join(root, 'packages/core/package.json'), '@middy/core')}`,
]

/**
 * aws-lambda-ric's install script compiles curl and aws-lambda-cpp from source (minutes on two cores), so the
 * scratch install runs with `--ignore-scripts` and takes the native client the workspace's install built for the
 * same version of the package. Nothing else the packages depend on needs an install script on Node 24.
 */
const copyRicNativeClient = (app: string): void => {
  const fromRuntime = createRequire(join(root, 'packages/runtime/package.json'))
  const builtDir = dirname(fromRuntime.resolve('aws-lambda-ric'))
  const installedDir = join(app, 'node_modules/aws-lambda-ric')
  const version = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
  if (version(builtDir) !== version(installedDir))
    throw new Error(
      `aws-lambda-ric ${version(installedDir)} installed, the workspace built ${version(builtDir)}`,
    )
  if (!existsSync(join(builtDir, 'rapid-client.node')))
    throw new Error(`${builtDir} has no rapid-client.node: run pnpm install in the workspace`)
  copyFileSync(join(builtDir, 'rapid-client.node'), join(installedDir, 'rapid-client.node'))
}

/**
 * Creates a user's project in `dir` (outside the workspace), copies the consumer fixtures into it, and installs
 * the packed tarballs with npm — sluice's packages from the files, everything else from the npm registry —
 * on the Node that runs the test (first on PATH, so npm and its children use it).
 *
 * @example
 * await createScratchProject('/tmp/sluice-packaging-x/app', packed, ['@sluice/core', '@sluice/events/decode'])
 */
export const createScratchProject = async (
  dir: string,
  packed: Packed[],
  specifiers: string[],
): Promise<void> => {
  mkdirSync(dir, { recursive: true })
  const manifest = { name: 'sluice-consumer', version: '1.0.0', private: true, type: 'module' }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  for (const file of readdirSync(consumerFixtures))
    copyFileSync(new URL(file, consumerFixtures), join(dir, file))
  for (const [file, text] of Object.entries(
    generatedFiles(
      packed.map((p) => p.name),
      specifiers,
    ),
  ))
    writeFileSync(join(dir, file), `${text}\n`)
  const args = [
    'install',
    ...packed.map((p) => p.filename),
    ...registryPackages(),
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--ignore-scripts',
    '--no-update-notifier',
    '--loglevel=error',
  ]
  await run('npm', args, { cwd: dir, env: nodeFirstEnv(), timeoutMs: 180_000 })
  copyRicNativeClient(dir)
}
