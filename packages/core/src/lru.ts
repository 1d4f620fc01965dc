import { SluiceError } from './errors.ts'
import { optionChecks } from './options.ts'

/**
 * Options of {@link Lru}.
 *
 * @example
 * const options: LruOptions<Buffer> = { maxEntries: 100, weigh: (value) => value.length }
 */
export interface LruOptions<V extends {} | null> {
  /** Entries kept; setting one more drops the least recently used. Default: unbounded (the owner evicts). */
  readonly maxEntries?: number
  /** The weight of a value, summed in {@link Lru.weight} (bytes on disk, say). Default: 1 per entry. */
  readonly weigh?: (value: V) => number
}

const lruOptions = optionChecks(
  (message, option) => new SluiceError(message, { code: 'LRU_INVALID_OPTION', path: [option] }),
)

const one = (): number => 1

/**
 * A Map ordered from least to most recently used: a read with `get` or `touch` moves the entry to the end (a
 * Map keeps insertion order, so a use is a delete and a set). Bounded by count when `maxEntries` is given;
 * an owner whose eviction does work of its own (removing files) leaves it out and evicts with `oldest()`.
 *
 * @example
 * const lru = new Lru<number>({ maxEntries: 2 })
 * lru.set('a', 1); lru.set('b', 2); lru.get('a'); lru.set('c', 3) // 'b' is dropped
 */
export class Lru<V extends {} | null> {
  readonly #entries = new Map<string, V>()
  readonly #maxEntries: number
  readonly #weigh: (value: V) => number
  #weight = 0

  constructor({ maxEntries = Number.POSITIVE_INFINITY, weigh = one }: LruOptions<V> = {}) {
    if (maxEntries !== Number.POSITIVE_INFINITY)
      lruOptions.number('maxEntries', maxEntries, { integer: true, min: 1 })
    lruOptions.check(typeof weigh === 'function', 'weigh', weigh, 'a function of the value')
    this.#maxEntries = maxEntries
    this.#weigh = weigh
  }

  /** How many entries there are. */
  get size(): number {
    return this.#entries.size
  }

  /** The sum of the entries' weights (their count without `weigh`). */
  get weight(): number {
    return this.#weight
  }

  /** The value under `key`, marked as just used. */
  get(key: string): V | undefined {
    const value = this.#entries.get(key)
    if (value !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  /** The value under `key`, leaving the order as it is. */
  peek(key: string): V | undefined {
    return this.#entries.get(key)
  }

  /** Marks `key` as just used; false when there is no such entry. */
  touch(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** Sets `key` as the most recently used entry; with `maxEntries`, drops the least recently used beyond it. */
  set(key: string, value: V): void {
    this.delete(key)
    this.#entries.set(key, value)
    this.#weight += this.#weigh(value)
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.oldest()
      if (oldest !== undefined) this.delete(oldest)
    }
  }

  /** Removes `key`; false when there was no such entry. */
  delete(key: string): boolean {
    const value = this.#entries.get(key)
    if (value === undefined) return false
    this.#entries.delete(key)
    this.#weight -= this.#weigh(value)
    return true
  }

  /** The least recently used key other than `except`. */
  oldest(except?: string): string | undefined {
    for (const key of this.#entries.keys()) if (key !== except) return key
    return undefined
  }

  /** Every entry, least recently used first. */
  entries(): MapIterator<[string, V]> {
    return this.#entries.entries()
  }
}
