/**
 * A schema (or a shape of schemas) built on first use instead of at import. Importing @sluice/events then costs
 * only the schemas a function touches: building all 35 sources' zod schemas eagerly took longer than importing
 * zod itself. The proxy forwards every operation to the built object, so zod, `instanceof` and spreading see the
 * real schema; hot paths go through `compiledSchema`, which holds the built schema, not the proxy.
 *
 * @example
 * export const sqsSchema = lazy(() => z.looseObject({ Records: z.array(sqsRecordSchema) }))
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined
  const target = (): T => {
    built ??= build()
    return built
  }
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key)
      // The proxy's own target is an empty object: a property may only be reported as configurable.
      if (descriptor) descriptor.configurable = true
      return descriptor
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  })
}
