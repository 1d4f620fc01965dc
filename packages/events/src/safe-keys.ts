/**
 * The keys no decoder lets into the objects it builds: `__proto__`, `constructor` and `prototype`. An object that
 * holds one as an own key pollutes `Object.prototype` (or a class's prototype) when a caller later merges it into
 * another with `Object.assign`, a spread into a setter or a naive deep merge.
 *
 * @example
 * isUnsafeKey('__proto__') // true
 * isUnsafeKey('orderId') // false
 */
export function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype'
}

/**
 * Sets `target[key] = value` unless `key` is unsafe (see {@link isUnsafeKey}); the one way decoders that build
 * objects from untrusted names (DynamoDB attributes, headers, query parameters) add a property.
 *
 * @example
 * const out: Record<string, unknown> = {}
 * setSafe(out, '__proto__', { polluted: true }) // dropped
 * setSafe(out, 'id', 'o-1') // out.id === 'o-1'
 */
export function setSafe(target: Record<string, unknown>, key: string, value: unknown): void {
  if (!isUnsafeKey(key)) target[key] = value
}

/**
 * Removes every unsafe own key (see {@link isUnsafeKey}) from `root` and every object and array under it, in
 * place. Walks with an explicit stack, so nesting depth (bounded only by memory for JSON) cannot overflow it.
 *
 * @example
 * const value = JSON.parse('{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{}}}}')
 * stripUnsafeKeys(value) // value is now { a: {} }
 */
export function stripUnsafeKeys(root: object): void {
  const stack: object[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const record = node as Record<string, unknown>
    for (const key of UNSAFE_KEYS) if (Object.hasOwn(record, key)) Reflect.deleteProperty(record, key)
    for (const key in record) {
      const child = record[key]
      if (typeof child === 'object' && child !== null) stack.push(child)
    }
  }
}

const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'] as const
