import { optionChecks } from '@sluice/core'
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
  /** Managed Instances mode when set: invocations in flight per container. */
  readonly maxConcurrency?: number
  /** Runtime worker threads per container in Managed Instances mode (default 1 there). */
  readonly workers?: number
}

type Limits = [name: keyof ResolvedRuntimeOptions, fallback: number, min: number, max: number, unit: string]

const LIMITS: readonly Limits[] = [
  ['memoryMb', 128, 128, 10_240, 'MB (Lambda allows 128 to 10240 MB)'],
  ['timeoutMs', 3000, 1, 900_000, 'ms (Lambda allows up to 15 minutes)'],
  ['initTimeoutMs', 10_000, 1, 900_000, 'ms'],
  ['concurrency', 1, 1, 1000, 'containers'],
  ['idleTimeoutMs', 300_000, 0, 2_147_483_647, 'ms'],
  ['port', 0, 0, 65_535, '(0 for free ports)'],
]

const runtimeOptions = optionChecks((message) => new SluiceRuntimeError('RUNTIME_INVALID_OPTION', message))

/**
 * Applies defaults and checks ranges; a bad value throws `RUNTIME_INVALID_OPTION` naming the option, what is
 * allowed and the value given.
 *
 * @example
 * resolveRuntimeOptions({ memoryMb: 256 }).timeoutMs // 3000
 */
export function resolveRuntimeOptions(
  options: Partial<Record<keyof ResolvedRuntimeOptions, unknown>>,
): ResolvedRuntimeOptions {
  const numbers: Record<string, number> = {}
  for (const [name, fallback, min, max, unit] of LIMITS) {
    const value = options[name] ?? fallback
    const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    runtimeOptions.check(ok, name, value, `a whole number from ${min} to ${max} ${unit}`)
    numbers[name] = value as number
  }
  const region = options.region ?? 'us-east-1'
  runtimeOptions.check(
    typeof region === 'string' && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region),
    'region',
    region,
    'a region name like us-east-1',
  )
  const managed = managedInstances(options.maxConcurrency, options.workers)
  return {
    ...managed,
    memoryMb: numbers.memoryMb ?? 128,
    timeoutMs: numbers.timeoutMs ?? 3000,
    initTimeoutMs: numbers.initTimeoutMs ?? 10_000,
    concurrency: numbers.concurrency ?? 1,
    idleTimeoutMs: numbers.idleTimeoutMs ?? 300_000,
    port: numbers.port ?? 0,
    region: region as string,
  }
}

/**
 * Throws `RUNTIME_INVALID_OPTION` unless `tenantId` is absent or 1 to 256 printable ASCII characters (a header value).
 *
 * @example
 * checkTenantId('acme') // ok
 */
export function checkTenantId(tenantId: unknown): void {
  const ok = tenantId === undefined || (typeof tenantId === 'string' && /^[\x21-\x7e]{1,256}$/.test(tenantId))
  runtimeOptions.check(ok, 'tenantId', tenantId, '1 to 256 printable ASCII characters without spaces')
}

/** Lambda allows up to 64 in flight per vCPU; a local environment is bounded by the same order of magnitude. */
const MAX_CONCURRENCY_LIMIT = 1000
const WORKERS_LIMIT = 64

function managedInstances(
  maxConcurrency: unknown,
  workers: unknown,
): { maxConcurrency?: number; workers?: number } {
  if (maxConcurrency === undefined) {
    runtimeOptions.check(workers === undefined, 'workers', workers, 'set only with maxConcurrency')
    return {}
  }
  const isWhole = (value: unknown, max: number): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
  const inRange = isWhole(maxConcurrency, MAX_CONCURRENCY_LIMIT)
  runtimeOptions.check(
    inRange,
    'maxConcurrency',
    maxConcurrency,
    `a whole number from 1 to ${MAX_CONCURRENCY_LIMIT}`,
  )
  const workerCount = workers ?? 1
  const workersOk = isWhole(workerCount, WORKERS_LIMIT)
  runtimeOptions.check(workersOk, 'workers', workerCount, `a whole number from 1 to ${WORKERS_LIMIT}`)
  return inRange && workersOk ? { maxConcurrency, workers: workerCount } : {}
}
