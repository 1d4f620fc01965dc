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

// One entry in the recency list; the Map only finds it, so a use relinks two nodes and never touches the Map.
type Node<V> = { readonly key: string; value: V; older: Node<V> | undefined; newer: Node<V> | undefined }

/**
 * A least-recently-used cache: a Map finds an entry, a doubly linked list orders entries from least to most
 * recently used; a read with `get` or `touch` moves the entry to the newest end. Bounded by count when
 * `maxEntries` is given; an owner whose eviction does work of its own (removing files) leaves it out and evicts
 * with `oldest()`.
 *
 * Why a list rather than the Map's own insertion order (a use as a delete and a set): V8 keeps deleted Map
 * entries in the table until it is rebuilt, and on Node 24 reading one key over and over (a retried idempotency
 * key) that way cost tens of µs per read on a 10 000-entry cache, more with every read; evicting from the front
 * left holes that `keys()` stepped over one by one too.
 *
 * @example
 * const lru = new Lru<number>({ maxEntries: 2 })
 * lru.set('a', 1); lru.set('b', 2); lru.get('a'); lru.set('c', 3) // 'b' is dropped
 */
export class Lru<V extends {} | null> {
  readonly #nodes = new Map<string, Node<V>>()
  readonly #maxEntries: number
  readonly #weigh: (value: V) => number
  #weight = 0
  #oldest: Node<V> | undefined = undefined
  #newest: Node<V> | undefined = undefined

  constructor({ maxEntries = Number.POSITIVE_INFINITY, weigh = one }: LruOptions<V> = {}) {
    if (maxEntries !== Number.POSITIVE_INFINITY)
      lruOptions.number('maxEntries', maxEntries, { integer: true, min: 1 })
    lruOptions.check(typeof weigh === 'function', 'weigh', weigh, 'a function of the value')
    this.#maxEntries = maxEntries
    this.#weigh = weigh
  }

  /** How many entries there are. */
  get size(): number {
    return this.#nodes.size
  }

  /** The sum of the entries' weights (their count without `weigh`). */
  get weight(): number {
    return this.#weight
  }

  /** The value under `key`, marked as just used. */
  get(key: string): V | undefined {
    const node = this.#nodes.get(key)
    if (node === undefined) return undefined
    this.#makeNewest(node)
    return node.value
  }

  /** The value under `key`, leaving the order as it is. */
  peek(key: string): V | undefined {
    return this.#nodes.get(key)?.value
  }

  /** Marks `key` as just used; false when there is no such entry. */
  touch(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** Sets `key` as the most recently used entry; with `maxEntries`, drops the least recently used beyond it. */
  set(key: string, value: V): void {
    const node = this.#nodes.get(key)
    if (node !== undefined) {
      this.#weight -= this.#weigh(node.value)
      node.value = value
      this.#weight += this.#weigh(value)
      this.#makeNewest(node)
      return
    }
    const added: Node<V> = { key, value, older: this.#newest, newer: undefined }
    if (this.#newest === undefined) this.#oldest = added
    else this.#newest.newer = added
    this.#newest = added
    this.#nodes.set(key, added)
    this.#weight += this.#weigh(value)
    if (this.#nodes.size > this.#maxEntries) {
      const oldest = this.oldest()
      if (oldest !== undefined) this.delete(oldest)
    }
  }

  /** Removes `key`; false when there was no such entry. */
  delete(key: string): boolean {
    const node = this.#nodes.get(key)
    if (node === undefined) return false
    this.#nodes.delete(key)
    this.#unlink(node)
    this.#weight -= this.#weigh(node.value)
    return true
  }

  /** The least recently used key other than `except`. */
  oldest(except?: string): string | undefined {
    for (let node = this.#oldest; node !== undefined; node = node.newer)
      if (node.key !== except) return node.key
    return undefined
  }

  /** Every entry, least recently used first. */
  *entries(): Generator<[string, V], void, undefined> {
    for (let node = this.#oldest; node !== undefined; node = node.newer) yield [node.key, node.value]
  }

  #makeNewest(node: Node<V>): void {
    if (node === this.#newest) return
    this.#unlink(node)
    node.older = this.#newest
    node.newer = undefined
    if (this.#newest === undefined) this.#oldest = node
    else this.#newest.newer = node
    this.#newest = node
  }

  #unlink(node: Node<V>): void {
    if (node.older === undefined) this.#oldest = node.newer
    else node.older.newer = node.newer
    if (node.newer === undefined) this.#newest = node.older
    else node.newer.older = node.older
    node.older = undefined
    node.newer = undefined
  }
}
