import { initLog } from './init-log.ts'

initLog.push('broken-init')

/** Module scope that fails, like a handler whose config is missing at INIT. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

if (process.env.SLUICE_FIXTURE_BREAK !== 'no') throw new ConfigError('TABLE_NAME is not set')

/** Reached only when INIT succeeds. */
export const handler = async () => 'initialised'
