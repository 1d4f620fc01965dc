import { stripUnsafeKeys } from './safe-keys.ts'

/**
 * `JSON.parse` whose result cannot pollute prototypes when later merged or copied: own `__proto__`, `constructor`
 * and `prototype` keys are removed at every depth (`stripUnsafeKeys`). The common case (none of those words in the
 * text, no `\u` escapes that could spell one) costs one `JSON.parse` and four substring checks. Throws
 * `SyntaxError` like `JSON.parse`.
 *
 * @example
 * parseJson('{"__proto__":{"polluted":1},"a":1}') // { a: 1 }
 * parseJson('not json') // throws SyntaxError
 */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text)
  if (
    typeof value === 'object' &&
    value !== null &&
    (text.includes('__proto__') ||
      text.includes('constructor') ||
      text.includes('prototype') ||
      text.includes('\\u'))
  ) {
    stripUnsafeKeys(value)
  }
  return value
}
