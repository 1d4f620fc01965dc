import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import type { DevConfig } from './dev-config.ts'
import { validateConfig } from './validate-config.ts'

/** Looked for in the working directory, in this order, when no path is given. */
export const CONFIG_NAMES = ['sluice.config.ts', 'sluice.config.mts', 'sluice.config.mjs', 'sluice.config.js']

/** A loaded config and where it came from: handlers are relative to `dir`. */
export interface LoadedConfig {
  readonly config: DevConfig
  readonly file: string
  readonly dir: string
}

/**
 * Imports `sluice.config.ts` (or the file given; Node strips its types) and checks it. No file →
 * `DEV_CONFIG_NOT_FOUND`; a file that throws or exports no valid config → `DEV_CONFIG_INVALID` with the cause.
 *
 * @example
 * const { config, dir } = await loadConfig(undefined, process.cwd())
 */
export async function loadConfig(path: string | undefined, cwd: string): Promise<LoadedConfig> {
  const candidates =
    path === undefined ? CONFIG_NAMES.map((name) => resolve(cwd, name)) : [resolve(cwd, path)]
  const file = candidates.find((candidate) => existsSync(candidate))
  if (file === undefined)
    throw new SluiceRuntimeError(
      'DEV_CONFIG_NOT_FOUND',
      path === undefined
        ? `no ${CONFIG_NAMES.join(', ')} in ${cwd}: create one (export default defineConfig({ functions: … })) or pass its path`
        : `cannot find config ${path} (looked at ${candidates[0]}): check the path`,
    )
  let module: Record<string, unknown>
  try {
    module = await import(pathToFileURL(file).href)
  } catch (error) {
    throw new SluiceRuntimeError(
      'DEV_CONFIG_INVALID',
      `${file} failed to load (${errorMessage(error).split('\n')[0]}): fix it, or run sluice on Node 22.18+ for TypeScript`,
      { cause: error },
    )
  }
  if (module.default === undefined)
    throw new SluiceRuntimeError(
      'DEV_CONFIG_INVALID',
      `${file} has no default export: end it with export default defineConfig({ functions: … })`,
    )
  return { config: validateConfig(module.default), file, dir: dirname(file) }
}
