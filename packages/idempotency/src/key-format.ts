import { readPath, type Selector } from './selector.ts'

/**
 * The key format this version writes, stored in every record (`keyFormat`). Format 1 (up to 0.1.0) hashed
 * `JSON.stringify` with sorted keys; format 2 canonicalizes (see `canonicalText`): empty members dropped, ±Infinity,
 * BigInt, functions, cycles and non-plain objects refused. Records without a format are format 1.
 *
 * @example
 * store.claim({ key, now, inProgressExpiry, expiry, keyFormat: KEY_FORMAT })
 */
export const KEY_FORMAT = 2

function formatOneJson(input: unknown): string | undefined {
  const value =
    input !== null &&
    typeof input === 'object' &&
    typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(): unknown }).toJSON()
      : input
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((item) => formatOneJson(item) ?? 'null').join(',')}]`
  const parts: string[] = []
  for (const key of Object.keys(value).sort()) {
    const encoded = formatOneJson((value as Record<string, unknown>)[key])
    if (encoded !== undefined) parts.push(`${JSON.stringify(key)}:${encoded}`)
  }
  return `{${parts.join(',')}}`
}

function formatOneValue<TInput>(selector: Selector<TInput>, input: TInput): { value: unknown } | undefined {
  if (typeof selector === 'function') {
    try {
      const value = selector(input)
      return value === undefined || value === null ? undefined : { value }
    } catch {
      return undefined
    }
  }
  const values: unknown[] = []
  for (const path of selector) {
    const read = readPath(input, path.split('.'))
    if (!('value' in read)) return undefined
    values.push(read.value)
  }
  return { value: values }
}

/**
 * The text format 1 hashed for this selector and input: for a key, `undefined` when format 1 found none; for a
 * payload (`missing: 'null'`), `'null'` then. `undefined` too when format 1 could not write the value (it threw,
 * so no format-1 record of it exists). Only called after format 2 accepted the value, so its depth is bounded.
 *
 * @example
 * formatOneText((e: { id: string; note: null }) => e, { id: 'x', note: null }) // '{"id":"x","note":null}'
 */
export function formatOneText<TInput>(
  selector: Selector<TInput>,
  input: TInput,
  missing?: 'null',
): string | undefined {
  const selected = formatOneValue(selector, input)
  if (selected === undefined) return missing
  try {
    return formatOneJson(selected.value) ?? 'null'
  } catch {
    return undefined
  }
}
