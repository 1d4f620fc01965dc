/**
 * A Map bounded to `maxEntries`, dropping the least recently used entry first (Map keeps insertion order, so
 * a read re-inserts the entry at the end).
 *
 * @example
 * const lru = createLru<number>(2)
 * lru.set('a', 1); lru.set('b', 2); lru.get('a'); lru.set('c', 3) // 'b' is dropped
 */
export function createLru<V>(maxEntries: number) {
  const entries = new Map<string, V>()
  return {
    get(key: string): V | undefined {
      const value = entries.get(key)
      if (value !== undefined) {
        entries.delete(key)
        entries.set(key, value)
      }
      return value
    },
    set(key: string, value: V): void {
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
    },
    delete(key: string): void {
      entries.delete(key)
    },
    get size(): number {
      return entries.size
    },
  }
}
