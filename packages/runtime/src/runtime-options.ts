import { SluiceRuntimeError } from './errors.ts'

/** Numeric options after defaults and range checks. */
export interface ResolvedRuntimeOptions {
  readonly memoryMb: number
  readonly timeoutMs: number
  readonly initTimeoutMs: number
  readonly concurrency: number
  readonly idleTimeoutMs: number
  readonly port: number
  readonly region: string
}

type Limits = [name: keyof ResolvedRuntimeOptions, fallback: number, min: number, max: number, hint: string]

const LIMITS: readonly Limits[] = [
  ['memoryMb', 128, 128, 10_240, 'Lambda allows 128 to 10240 MB'],
  ['timeoutMs', 3000, 1, 900_000, 'Lambda allows up to 15 minutes (900000 ms)'],
  ['initTimeoutMs', 10_000, 1, 900_000, 'use a whole number of ms'],
  ['concurrency', 1, 1, 1000, 'use a whole number from 1'],
  ['idleTimeoutMs', 300_000, 0, 2_147_483_647, 'use a whole number of ms'],
  ['port', 0, 0, 65_535, 'use 0 for free ports, or a port below 65536'],
]

/**
 * Applies defaults and checks ranges; a bad value throws `INVALID_OPTION` saying what is allowed.
 *
 * @example
 * resolveRuntimeOptions({ memoryMb: 256 }).timeoutMs // 3000
 */
export function resolveRuntimeOptions(
  options: Partial<Record<keyof ResolvedRuntimeOptions, unknown>>,
): ResolvedRuntimeOptions {
  const numbers: Record<string, number> = {}
  for (const [name, fallback, min, max, hint] of LIMITS) {
    const value = options[name] ?? fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new SluiceRuntimeError('INVALID_OPTION', `${name} ${String(value)} is out of range: ${hint}`)
    }
    numbers[name] = value
  }
  const region = options.region ?? 'us-east-1'
  if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new SluiceRuntimeError(
      'INVALID_OPTION',
      `region ${String(region)} is not a region name like us-east-1`,
    )
  }
  return {
    memoryMb: numbers.memoryMb ?? 128,
    timeoutMs: numbers.timeoutMs ?? 3000,
    initTimeoutMs: numbers.initTimeoutMs ?? 10_000,
    concurrency: numbers.concurrency ?? 1,
    idleTimeoutMs: numbers.idleTimeoutMs ?? 300_000,
    port: numbers.port ?? 0,
    region,
  }
}
