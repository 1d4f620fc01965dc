import { LoggerError } from './errors.ts'

/** pino's level numbers; Lambda's log-level filtering knows the same six names. */
export const LEVEL_VALUES = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const

/** A level name; `silent` writes nothing. */
export type LevelName = keyof typeof LEVEL_VALUES | 'silent'

/** Where the level in force came from, in precedence order. */
export type LevelSource = 'AWS_LAMBDA_LOG_LEVEL' | 'option' | 'POWERTOOLS_LOG_LEVEL' | 'LOG_LEVEL' | 'default'

/** The level in force, where it came from, and what was ignored on the way. */
export interface ResolvedLevel {
  readonly level: LevelName
  readonly source: LevelSource
  /** One sentence per ignored or overridden setting, logged once at warn when the logger is created. */
  readonly warnings: readonly string[]
}

// Powertools says CRITICAL where pino and Lambda say fatal; accept both spellings people use.
const ALIASES: Readonly<Record<string, LevelName>> = { critical: 'fatal', warning: 'warn' }

/**
 * Reads a level name in any case (`DEBUG`, `debug`, `Critical`), or `undefined` when it is not one.
 *
 * @example
 * parseLevel('WARN') // 'warn'
 */
export const parseLevel = (value: string | undefined): LevelName | undefined => {
  if (value === undefined) return undefined
  const name = value.trim().toLowerCase()
  if (name === 'silent' || Object.hasOwn(LEVEL_VALUES, name)) return name as LevelName
  return ALIASES[name]
}

/** The numeric value of a level; `silent` is above every level. */
export const levelValue = (level: LevelName): number =>
  level === 'silent' ? Number.POSITIVE_INFINITY : LEVEL_VALUES[level]

const ENV_SOURCES = ['POWERTOOLS_LOG_LEVEL', 'LOG_LEVEL'] as const

/**
 * The level in force: Lambda's advanced logging controls (`AWS_LAMBDA_LOG_LEVEL`) win, because Lambda drops
 * lines below that level anyway; then the `level` option; then `POWERTOOLS_LOG_LEVEL`, then `LOG_LEVEL`; else
 * `info`. The same order as Powertools Logger. A bad option throws; a bad variable is skipped with a warning.
 *
 * @example
 * resolveLevel('debug', { AWS_LAMBDA_LOG_LEVEL: 'WARN' }).level // 'warn'
 */
export const resolveLevel = (
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedLevel => {
  const warnings: string[] = []
  const fromOption = option === undefined ? undefined : parseLevel(option)
  if (option !== undefined && fromOption === undefined) {
    throw new LoggerError(
      'INVALID_LOG_LEVEL',
      `level "${option}" is not a level: use trace, debug, info, warn, error, fatal or silent`,
      ['level'],
    )
  }
  const alc = env.AWS_LAMBDA_LOG_LEVEL
  const fromAlc = alc ? parseLevel(alc) : undefined
  if (alc && fromAlc === undefined) warnings.push(`AWS_LAMBDA_LOG_LEVEL=${alc} is not a level; ignored`)
  if (fromAlc !== undefined) {
    if (fromOption !== undefined && levelValue(fromOption) < levelValue(fromAlc)) {
      warnings.push(
        `level "${fromOption}" is below Lambda's log level ${alc} (AWS_LAMBDA_LOG_LEVEL), which Lambda enforces: using ${fromAlc}`,
      )
    }
    return { level: fromAlc, source: 'AWS_LAMBDA_LOG_LEVEL', warnings }
  }
  if (fromOption !== undefined) return { level: fromOption, source: 'option', warnings }
  for (const name of ENV_SOURCES) {
    const raw = env[name]
    if (!raw) continue
    const parsed = parseLevel(raw)
    if (parsed !== undefined) return { level: parsed, source: name, warnings }
    warnings.push(`${name}=${raw} is not a level; ignored`)
  }
  return { level: 'info', source: 'default', warnings }
}
