/**
 * `JSON.parse` whose result cannot pollute prototypes when later merged or copied: own `__proto__` keys, and
 * `constructor` keys holding a `prototype`, are removed. The common case (no such text, no `\u` escapes that could
 * spell it) costs one `JSON.parse` and three substring checks. Throws `SyntaxError` like `JSON.parse`.
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
    (text.includes('__proto__') || text.includes('constructor') || text.includes('\\u'))
  ) {
    stripDangerousKeys(value)
  }
  return value
}

/** Walks without recursion (JSON nesting depth is bounded only by memory). */
function stripDangerousKeys(root: object): void {
  const stack: object[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const record = node as { [key: string]: unknown }
    if (Object.hasOwn(record, '__proto__')) Reflect.deleteProperty(record, '__proto__')
    const ctor = Object.hasOwn(record, 'constructor') ? record.constructor : undefined
    if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) {
      Reflect.deleteProperty(record, 'constructor')
    }
    for (const key in record) {
      const child = record[key]
      if (typeof child === 'object' && child !== null) stack.push(child)
    }
  }
}
