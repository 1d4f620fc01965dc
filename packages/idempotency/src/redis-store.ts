import { createHash } from 'node:crypto'
import type { IdempotencyRecord, IdempotencyStore } from './record.ts'

/**
 * The four calls the store makes, in ioredis' call shape: an ioredis `Redis` or `Cluster` fits. Written out
 * rather than taken from ioredis' types, so these declarations do not need ioredis (an optional peer) installed
 * and any client with these methods (or an adapter) fits too.
 *
 * @example
 * const client: RedisClientLike = new Redis({ commandTimeout: 1000 })
 */
export interface RedisClientLike {
  /** `EVALSHA sha1 numKeys key… arg…`: resolves with the script's reply; rejects with `NOSCRIPT…` if unknown. */
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  /** `EVAL script numKeys key… arg…`: runs the script and caches it on the server. */
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  /** `SET key value PX ms`. */
  set(key: string, value: string, expiryMode: 'PX', milliseconds: string): Promise<unknown>
  /** `DEL key`. */
  del(key: string): Promise<unknown>
}

/**
 * Options of {@link redisStore}.
 *
 * @example
 * const options: RedisStoreOptions = { client: new Redis(), prefix: 'idempotency:' }
 */
export interface RedisStoreOptions {
  /** An ioredis client you made: see the README for bounded timeouts. */
  readonly client: RedisClientLike
  /** Prepended to every key, e.g. `'idempotency:'`. Default none. */
  readonly prefix?: string
}

// A record is one string: a header line `STATUS EXPIRY_MS IN_PROGRESS_EXPIRY_MS PAYLOAD_HASH|- [KEY_FORMAT]` then
// the result JSON, so the claim script reads the header without decoding the result. Records written before key
// formats were recorded have no KEY_FORMAT (format 1).
const encode = (
  status: string,
  expiry: number,
  ipExpiry: number,
  payloadHash: string | undefined,
  keyFormat: number | undefined,
  data = '',
) =>
  `${status} ${expiry} ${ipExpiry} ${payloadHash ?? '-'}${keyFormat === undefined ? '' : ` ${keyFormat}`}\n${data}`

function decode(value: string): IdempotencyRecord {
  const newline = value.indexOf('\n')
  const [status, expiry, ipExpiry, payloadHash, keyFormat] = value.slice(0, newline).split(' ')
  const data = value.slice(newline + 1)
  return {
    status: status === 'COMPLETED' ? 'COMPLETED' : 'IN_PROGRESS',
    expiry: Number(expiry),
    inProgressExpiry: Number(ipExpiry),
    payloadHash: payloadHash === '-' ? undefined : payloadHash,
    result: data === '' ? undefined : data,
    keyFormat: keyFormat === undefined ? undefined : Number(keyFormat),
  }
}

// Takes the key unless a live record holds it, atomically: absent, expired (expiry < now), or IN_PROGRESS past its
// in-progress expiry. Returns nil when claimed, else the holding record. `now` comes from the caller's clock.
const CLAIM = `local cur = redis.call('GET', KEYS[1])
if cur then
  local status, expiry, ip = string.match(cur, '^(%S+) (%d+) (%d+)')
  local now = tonumber(ARGV[2])
  if tonumber(expiry) >= now and not (status == 'IN_PROGRESS' and tonumber(ip) < now) then return cur end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return false`
const STORED = { resultStored: true } as const
const CLAIM_SHA = createHash('sha1').update(CLAIM).digest('hex')

// Redis removes the key itself once the record has expired; at least 1 ms, as PX needs.
const ttl = (expiry: number, now: number) => String(Math.max(1, Math.ceil(expiry - now)))

/**
 * Records in Redis: a Lua script claims a key atomically (one EVALSHA; a duplicate gets the holding record in the
 * same reply), one `SET … PX` completes it with its TTL, one `DEL` releases it. Results have no size limit here
 * beyond Redis' 512 MB string.
 *
 * @example
 * const redis = new Redis(process.env.REDIS_URL, { commandTimeout: 1000, maxRetriesPerRequest: 1 })
 * const store = redisStore({ client: redis, prefix: 'idempotency:' })
 */
export function redisStore({ client, prefix = '' }: RedisStoreOptions): IdempotencyStore {
  async function runClaim(key: string, args: [string, string, string]): Promise<string | null> {
    let reply: unknown
    try {
      reply = await client.evalsha(CLAIM_SHA, 1, key, ...args)
    } catch (error) {
      // Redis forgot the script (first use, restart, SCRIPT FLUSH): send it once in full, which caches it again.
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error
      reply = await client.eval(CLAIM, 1, key, ...args)
    }
    // The script returns the holding record (a string), or false, which Redis replies as nil.
    return typeof reply === 'string' ? reply : null
  }
  return {
    claim: async function redisClaim({ key, now, inProgressExpiry, expiry, payloadHash, keyFormat }) {
      const record = encode('IN_PROGRESS', expiry, inProgressExpiry, payloadHash, keyFormat)
      const holding = await runClaim(prefix + key, [record, String(now), ttl(expiry, now)])
      return holding === null ? { claimed: true } : { claimed: false, existing: decode(holding) }
    },
    complete: async function redisComplete(request) {
      const { key, now, expiry, inProgressExpiry, payloadHash, keyFormat, result } = request
      const record = encode('COMPLETED', expiry, inProgressExpiry, payloadHash, keyFormat, result)
      await client.set(prefix + key, record, 'PX', ttl(expiry, now))
      return STORED
    },
    release: async function redisRelease(key) {
      await client.del(prefix + key)
    },
  }
}
