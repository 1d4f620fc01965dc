import type { SharedOptions } from './engine.ts'
import { memoryStore } from './memory-store.ts'
import { checkNumber, optionCheck } from './options-check.ts'
import type { IdempotencyStore } from './record.ts'
import { compileSelector, type Selector } from './selector.ts'

// A remaining time past this is no Lambda deadline; it is clamped so that expiries stay safe integers.
const MAX_REMAINING_MS = 10 * 365 * 86_400_000

const isSelector = (value: unknown): boolean =>
  typeof value === 'function' ||
  (Array.isArray(value) &&
    value.length > 0 &&
    value.every((path: unknown) => typeof path === 'string' && path !== ''))

const isStore = (value: unknown): value is IdempotencyStore =>
  typeof value === 'object' &&
  value !== null &&
  ['claim', 'complete', 'release'].every((method) => typeof Reflect.get(value, method) === 'function')

const optionalString = (option: string, value: unknown) =>
  optionCheck.check(
    value === undefined || (typeof value === 'string' && value !== ''),
    option,
    value,
    'a non-empty string',
  )

/**
 * Checks every option of a form when it is made (INIT) and resolves the defaults: a bad option throws
 * `IDEMPOTENCY_INVALID_OPTION` naming it. The clock is checked on every read (it must give a finite number).
 *
 * @example
 * const resolved = resolveOptions({ key: ['orderId'], expiresAfterSeconds: 600 }, 'charge')
 * resolved.namespaceOf('orders') // 'orders.charge#'
 */
export function resolveOptions<TInput>(
  options: SharedOptions & { readonly key: Selector<TInput>; readonly payloadValidation?: Selector<TInput> },
  name: string | undefined,
) {
  const selectorRule = 'a function of the input, or a non-empty list of dotted paths'
  optionCheck.check(isSelector(options.key), 'key', options.key, selectorRule)
  const validation = options.payloadValidation
  optionCheck.check(
    validation === undefined || isSelector(validation),
    'payloadValidation',
    validation,
    selectorRule,
  )
  const { store = memoryStore(), onMissingKey, now = Date.now, readPreviousKeyFormat = true } = options
  optionCheck.check(isStore(store), 'store', store, 'an object with claim, complete and release methods')
  optionCheck.check(
    [undefined, 'error', 'skip'].includes(onMissingKey),
    'onMissingKey',
    onMissingKey,
    "'error' or 'skip'",
  )
  optionCheck.check(typeof now === 'function', 'now', now, 'a function returning epoch milliseconds')
  optionCheck.check(
    typeof readPreviousKeyFormat === 'boolean',
    'readPreviousKeyFormat',
    readPreviousKeyFormat,
    'a boolean',
  )
  optionalString('functionName', options.functionName)
  optionalString('qualifier', options.qualifier)
  optionalString('name', name)
  const expiresAfterMs = checkNumber('expiresAfterSeconds', options.expiresAfterSeconds ?? 3600) * 1000
  const defaultInProgressMs = checkNumber('inProgressTimeoutMs', options.inProgressTimeoutMs ?? 900_000)
  const suffix = `${options.qualifier ? `:${options.qualifier}` : ''}${name ? `.${name}` : ''}#`
  // Lambda sets the variable before INIT and never changes it; the context's name wins when there is one.
  const envName = process.env.AWS_LAMBDA_FUNCTION_NAME || 'local'

  return {
    store,
    expiresAfterMs,
    readPreviousKeyFormat,
    skipMissing: onMissingKey === 'skip',
    keyOf: compileSelector(options.key),
    payloadOf: validation === undefined ? undefined : compileSelector(validation, 'payloadValidation value'),
    /** `function[:qualifier][.name]#`, the part of every key before the hash. */
    namespaceOf(contextName: unknown): string {
      const given = typeof contextName === 'string' && contextName !== '' ? contextName : envName
      return `${options.functionName ?? given}${suffix}`
    },
    /** The clock, in whole ms; a clock that gives no finite number is a bad `now` option. */
    now(): number {
      // `now` is checked as the number it gives: NaN, ±Infinity or a non-number throws IDEMPOTENCY_INVALID_OPTION.
      return Math.floor(optionCheck.number('now', now()))
    },
    /** How long the claim may stay in progress: the invocation's remaining time, or the default without one. */
    inProgressMs(remainingMs: unknown): number {
      if (typeof remainingMs !== 'number' || !Number.isFinite(remainingMs)) return defaultInProgressMs
      return Math.min(Math.max(0, Math.floor(remainingMs)), MAX_REMAINING_MS)
    },
  }
}
