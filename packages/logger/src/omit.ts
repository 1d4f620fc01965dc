import { LoggerError } from './errors.ts'

/** A parsed omit path: keys, `*` for any key at that level. */
type Path = readonly string[]

/**
 * Parses dot paths (`body`, `headers.cookie`, `Records.*.body`) once, when the middleware is created.
 *
 * @example
 * parseOmitPaths(['requestContext.identity'], ['logEvent', 'omit'])
 */
export const parseOmitPaths = (
  paths: readonly string[],
  optionPath: readonly PropertyKey[],
): readonly Path[] =>
  paths.map((path, index) => {
    const parts = path.split('.')
    if (path === '' || parts.some((part) => part === '')) {
      throw new LoggerError(
        'INVALID_OMIT_PATH',
        `omit path "${path}" has an empty segment: write dot paths like "headers.cookie" or "Records.*.body"`,
        [...optionPath, index],
      )
    }
    return parts
  })

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const omitOne = (value: unknown, path: Path, at: number): unknown => {
  if (!isObject(value)) return value
  const head = path[at] as string
  const last = at === path.length - 1
  const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : []
  if (keys.length === 0) return value
  // Copy only along the path, so the event the handler sees is never changed.
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...value }
  for (const name of keys) {
    if (last) delete copy[name]
    else copy[name] = omitOne(copy[name], path, at + 1)
  }
  return copy
}

/**
 * A copy of `value` without the given paths; `value` itself is left as it is.
 *
 * @example
 * omitPaths({ body: 'x', id: 1 }, parseOmitPaths(['body'], [])) // { id: 1 }
 */
export const omitPaths = (value: unknown, paths: readonly Path[]): unknown => {
  let result = value
  for (const path of paths) result = omitOne(result, path, 0)
  return result
}
