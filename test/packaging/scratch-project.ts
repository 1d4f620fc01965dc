import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  installedManifests,
  integrityOf,
  type LocalRegistry,
  lockfileIntegrities,
  manifestOfTarball,
  type Offered,
  startLocalRegistry,
} from './local-registry.ts'
import { cleanEnv, type Packed, pnpm, root, run } from './workspace-packages.ts'

const consumerFixtures = new URL('./consumer/', import.meta.url)

/**
 * A registry on 127.0.0.1 offering the packed tarballs and every registry package the workspace installed, at
 * the versions the lockfile holds. pnpm then resolves the tarballs' dependencies as it would against npm, and
 * takes their content from the workspace's store: no network, and it works in a clean clone whose store was
 * just filled by `pnpm install --frozen-lockfile` (which leaves pnpm's metadata cache empty, so
 * `pnpm install --offline` alone cannot resolve anything).
 */
export const startWorkspaceRegistry = (packed: Packed[]): Promise<LocalRegistry> => {
  const integrities = lockfileIntegrities(readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8'))
  const thirdParty = installedManifests(join(root, 'node_modules/.pnpm')).flatMap((manifest): Offered[] => {
    const integrity = integrities.get(`${manifest.name}@${manifest.version}`)
    return integrity ? [{ manifest, integrity }] : []
  })
  const ours = packed.map(
    (p): Offered => ({
      manifest: manifestOfTarball(p.filename),
      integrity: integrityOf(p.filename),
      file: p.filename,
    }),
  )
  return startLocalRegistry([...thirdParty, ...ours])
}

/**
 * Files generated per run because they list whichever packages were packed: an ESM and a CommonJS file that
 * print each package's export names, and a TypeScript file that imports every package's declarations.
 */
const generatedFiles = (names: string[]): Record<string, string> => ({
  'exports.mjs': [
    'const out = {}',
    ...names.map(
      (name) => `out[${JSON.stringify(name)}] = Object.keys(await import(${JSON.stringify(name)})).sort()`,
    ),
    'process.stdout.write(JSON.stringify(out))',
  ].join('\n'),
  'exports.cjs': [
    'const out = {}',
    ...names.map(
      (name) => `out[${JSON.stringify(name)}] = Object.keys(require(${JSON.stringify(name)})).sort()`,
    ),
    'process.stdout.write(JSON.stringify(out))',
  ].join('\n'),
  'all-packages.ts': names
    .map((name, i) => `import * as p${i} from ${JSON.stringify(name)}\nexport const m${i}: object = p${i}`)
    .join('\n'),
})

/**
 * Creates a user's project in `dir` depending on the packed packages (plus the @types a user adds), copies the
 * consumer fixtures into it, and installs from `registry` into the workspace's pnpm store.
 */
export const createScratchProject = async (
  dir: string,
  packed: Packed[],
  registry: LocalRegistry,
  { storeDir, cacheDir }: { storeDir: string; cacheDir: string },
): Promise<void> => {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  const dependencies: Record<string, string> = {
    ...Object.fromEntries(packed.map((p) => [p.name, p.version])),
    '@types/aws-lambda': rootManifest.devDependencies['@types/aws-lambda'] ?? '*',
    '@types/node': rootManifest.devDependencies['@types/node'] ?? '*',
  }
  mkdirSync(dir, { recursive: true })
  const manifest = { name: 'sluice-consumer', private: true, type: 'module', dependencies }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  for (const file of readdirSync(consumerFixtures))
    copyFileSync(new URL(file, consumerFixtures), join(dir, file))
  for (const [file, text] of Object.entries(generatedFiles(packed.map((p) => p.name)))) {
    writeFileSync(join(dir, file), `${text}\n`)
  }
  const { command, prefix } = pnpm()
  const args = [
    ...prefix,
    'install',
    '--ignore-workspace',
    `--registry=${registry.url}/`,
    `--store-dir=${storeDir}`,
    `--cache-dir=${cacheDir}`,
    '--config.update-notifier=false',
    '--reporter=append-only',
  ]
  try {
    await run(command, args, { cwd: dir, env: cleanEnv({ CI: 'true' }), timeoutMs: 60_000 })
  } catch (error) {
    const misses = registry.misses.length
      ? `\nnot offered by the local registry: ${registry.misses.join(', ')}`
      : ''
    throw new Error(`${(error as Error).message}${misses}`, { cause: error })
  }
}
