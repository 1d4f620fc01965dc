import { type EventSourceOptions, recordCount } from './common.ts'

/**
 * Every property optional, all the way down; arrays are replaced whole, not merged.
 *
 * @example
 * const patch: DeepPartial<SQSRecord> = { attributes: { ApproximateReceiveCount: '3' } }
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)

/**
 * `base` with `patch` laid over it: objects merge key by key, anything else (arrays, strings, null) replaces;
 * `undefined` in the patch leaves the base value. Neither argument is modified.
 *
 * @example
 * deepMerge({ a: { b: 1, c: 2 }, list: [1, 2] }, { a: { c: 3 }, list: [9] }) // { a: { b: 1, c: 3 }, list: [9] }
 */
export function deepMerge<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch as T
  const out: Record<string, unknown> = { ...base }
  for (const key of Object.keys(patch)) {
    const value = patch[key]
    if (value === undefined) continue
    const merged = deepMerge(base[key], value as DeepPartial<unknown>)
    // a key named __proto__ must stay a property, not replace the prototype
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true })
  }
  return out as T
}

/**
 * The record partials of a builder's `records` option: a count gives that many default records, an array one
 * record per element (each laid over the default record).
 *
 * @example
 * recordPartials(3) // [undefined, undefined, undefined]
 * recordPartials([{ body: 'a' }]) // [{ body: 'a' }]
 */
export function recordPartials<$Partial>(
  records: number | readonly $Partial[] | undefined,
): Array<$Partial | undefined> {
  if (Array.isArray(records)) return [...records]
  return Array.from({ length: recordCount(records as number | undefined) }, () => undefined)
}

/**
 * What `events.<source>(overrides)` takes: the source options (`region`, `accountId`, `clock`) plus a deep
 * partial of the event.
 *
 * @example
 * const overrides: Overrides<SecretsManagerRotationEvent> = { Step: 'setSecret' }
 */
export type Overrides<$Event> = EventSourceOptions & DeepPartial<$Event>

/**
 * The event part of overrides, without the source options.
 *
 * @example
 * eventPatch({ region: 'eu-west-1', Step: 'setSecret' }) // { Step: 'setSecret' }
 */
export function eventPatch<$Event>(overrides: Overrides<$Event>): DeepPartial<$Event> {
  const {
    region: _,
    accountId: __,
    clock: ___,
    ...patch
  } = overrides as EventSourceOptions & Record<string, unknown>
  return patch as DeepPartial<$Event>
}
