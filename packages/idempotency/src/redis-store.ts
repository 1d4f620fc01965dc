import { createHash } from 'node:crypto'
import type { IdempotencyRecord, IdempotencyStore } from './record.ts'

/**
 * The two calls the store makes, in ioredis' call shape: an ioredis `Redis` or `Cluster` fits. Written out
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

// A record is one string: a header line `STATUS EXPIRY_MS IN_PROGRESS_EXPIRY_MS PAYLOAD_HASH|- [KEY_FORMAT|- [OWNER]]`
// then the result JSON, so the scripts read the header without decoding the result. Records written before key
// formats were recorded have no KEY_FORMAT (format 1); records written before claims had owners have no OWNER
// (owned by nobody: no complete or release matches them). Readers ignore fields past the ones they know.
const encode = (
  status: string,
  expiry: number,
  ipExpiry: number,
  payloadHash: string | undefined,
  keyFormat: number | undefined,
  owner: string,
  data = '',
) => `${status} ${expiry} ${ipExpiry} ${payloadHash ?? '-'} ${keyFormat ?? '-'} ${owner}\n${data}`

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
    keyFormat: keyFormat === undefined || keyFormat === '-' ? undefined : Number(keyFormat),
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

// The owner is the header's sixth field; a record without one (written before owners) matches no token.
const OWNER_OF = `local function owner_of(cur)
  if not cur then return nil end
  return string.match(cur, '^%S+ %S+ %S+ %S+ %S+ (%S+)\\n')
end
`

// Completes the key if the record is still the claim's (ARGV[1] the owner): 1 when written, 0 when the claim
// was lost (another owner, or no record) and nothing was written.
const COMPLETE = `${OWNER_OF}if owner_of(redis.call('GET', KEYS[1])) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`

// Deletes the key if it is still the claim's IN_PROGRESS record: 1 when deleted, 0 when the claim was lost.
const RELEASE = `${OWNER_OF}local cur = redis.call('GET', KEYS[1])
if owner_of(cur) ~= ARGV[1] or string.sub(cur, 1, 12) ~= 'IN_PROGRESS ' then return 0 end
redis.call('DEL', KEYS[1])
return 1`

const script = (text: string) => ({ text, sha: createHash('sha1').update(text).digest('hex') })
const SCRIPTS = { claim: script(CLAIM), complete: script(COMPLETE), release: script(RELEASE) }
type Script = (typeof SCRIPTS)[keyof typeof SCRIPTS]

const STORED = { resultStored: true, claimLost: false } as const
const LOST = { resultStored: false, claimLost: true } as const

// Redis removes the key itself once the record has expired; at least 1 ms, as PX needs.
const ttl = (expiry: number, now: number) => String(Math.max(1, Math.ceil(expiry - now)))

/**
 * Records in Redis, each call one Lua script run atomically on the server (one EVALSHA): the claim takes a key
 * (a duplicate gets the holding record in the same reply), the complete writes the result with its TTL and the
 * release deletes the record, both only when the record still carries the claim's owner token. Results have no
 * size limit here beyond Redis' 512 MB string.
 *
 * @example
 * const redis = new Redis(process.env.REDIS_URL, { commandTimeout: 1000, maxRetriesPerRequest: 1 })
 * const store = redisStore({ client: redis, prefix: 'idempotency:' })
 */
export function redisStore({ client, prefix = '' }: RedisStoreOptions): IdempotencyStore {
  async function run(lua: Script, key: string, ...args: string[]): Promise<unknown> {
    try {
      return await client.evalsha(lua.sha, 1, key, ...args)
    } catch (error) {
      // Redis forgot the script (first use, restart, SCRIPT FLUSH): send it once in full, which caches it again.
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error
      return await client.eval(lua.text, 1, key, ...args)
    }
  }
  return {
    claim: async function redisClaim({ key, owner, now, inProgressExpiry, expiry, payloadHash, keyFormat }) {
      const record = encode('IN_PROGRESS', expiry, inProgressExpiry, payloadHash, keyFormat, owner)
      const holding = await run(SCRIPTS.claim, prefix + key, record, String(now), ttl(expiry, now))
      // The script returns the holding record (a string), or false, which Redis replies as nil.
      return typeof holding === 'string' ? { claimed: false, existing: decode(holding) } : { claimed: true }
    },
    complete: async function redisComplete(request) {
      const { key, owner, now, expiry, inProgressExpiry, payloadHash, keyFormat, result } = request
      const record = encode('COMPLETED', expiry, inProgressExpiry, payloadHash, keyFormat, owner, result)
      const written = await run(SCRIPTS.complete, prefix + key, owner, record, ttl(expiry, now))
      return written === 1 ? STORED : LOST
    },
    release: async function redisRelease(key, owner) {
      const deleted = await run(SCRIPTS.release, prefix + key, owner)
      return { claimLost: deleted !== 1 }
    },
  }
}
