import { randomUUID } from 'node:crypto'
import { answerFrom, type PayloadHashes, resultTooLarge } from './answer.ts'
import { hashText } from './canonical-json.ts'
import { resolveOptions } from './engine-options.ts'
import { IdempotencyError, storeUnavailable } from './errors.ts'
import { lookUpFormatOne } from './format-one-lookup.ts'
import { formatOneText, KEY_FORMAT } from './key-format.ts'
import type { ClaimRequest, IdempotencyStore } from './record.ts'
import type { Selected, Selector } from './selector.ts'
import { stoppedByDeadline } from './stopped-by-deadline.ts'
import { claimLostMessage, emitIdempotencyWarning } from './warnings.ts'

/**
 * Options every form (middleware, `makeIdempotent`, `idempotentRecord`) shares.
 *
 * @example
 * const shared: SharedOptions = { store: memoryStore(), expiresAfterSeconds: 600, onMissingKey: 'skip' }
 */
export interface SharedOptions {
  /** Where records live. Default: a {@link memoryStore} of this container. */
  readonly store?: IdempotencyStore
  /** How long a COMPLETED record answers duplicates. Default 3600 (one hour). */
  readonly expiresAfterSeconds?: number
  /** A request whose key is missing: `'error'` (default) throws `IDEMPOTENCY_KEY_MISSING`, `'skip'` runs it unguarded. */
  readonly onMissingKey?: 'error' | 'skip'
  /** Namespaces keys; default the invocation's `context.functionName`, else `AWS_LAMBDA_FUNCTION_NAME`. */
  readonly functionName?: string
  /** Appended to the function name (`orders:live#…`): set it to keep aliases or versions apart. */
  readonly qualifier?: string
  /** Epoch-ms clock used for every expiry; pass a virtual clock's `now` in tests. Default `Date.now`. */
  readonly now?: () => number
  /** In-progress lifetime when no invocation deadline is known (outside a Lambda context). Default 900 000 (15 min). */
  readonly inProgressTimeoutMs?: number
  /**
   * After an upgrade from key format 1 (0.1.x), also look for a live record under the old key when the two
   * formats write a key differently (see the README's upgrade path). Default `true`; set `false` once the new
   * version has run longer than `expiresAfterSeconds` and the in-progress timeout.
   */
  readonly readPreviousKeyFormat?: boolean
}

/**
 * What the engine needs to know about the invocation a call runs in.
 *
 * @example
 * const invocation: Invocation = { functionName: 'orders', remainingMs: 2_500 }
 */
export interface Invocation {
  readonly functionName?: string | undefined
  /** Milliseconds the invocation has left: the in-progress record expires then. */
  readonly remainingMs?: number | undefined
}

/** A key this call claimed; finish or fail it. */
export interface Claim {
  readonly key: string
  /** The claim's own token: the store completes or releases the record only while it still carries it. */
  readonly owner: string
  readonly payloadHash: string | undefined
  readonly inProgressExpiry: number
}

/** What to do with a call: run it under a claim, answer with a stored result, or run it unguarded. */
export type Begin =
  | { readonly kind: 'run'; readonly claim: Claim }
  | { readonly kind: 'duplicate'; readonly result: unknown }
  | { readonly kind: 'skip' }

const SKIP: Begin = { kind: 'skip' }

function missingKey(selected: Extract<Selected, { found: false }>): IdempotencyError {
  const where = selected.path.length > 0 ? ` at '${selected.path.join('.')}'` : ''
  return new IdempotencyError(
    `The idempotency key is missing or empty${where}: send it with the request, or set onMissingKey: 'skip' to ` +
      'run such requests unguarded',
    { code: 'IDEMPOTENCY_KEY_MISSING', path: selected.path, cause: selected.cause },
  )
}

async function guarded<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (cause) {
    throw cause instanceof IdempotencyError ? cause : storeUnavailable(operation, cause)
  }
}

/**
 * The claim → run → complete / release protocol shared by every form. `name` tells forms apart in one function
 * (`orders.charge#…`); the middleware has none (`orders#…`). Options are checked here, when the form is made.
 *
 * @example
 * const engine = createEngine({ key: (order: Order) => order.id }, 'charge')
 * const begin = await engine.begin(order, { remainingMs: 10_000 })
 */
export function createEngine<TInput>(
  options: SharedOptions & { readonly key: Selector<TInput>; readonly payloadValidation?: Selector<TInput> },
  name?: string,
) {
  const resolved = resolveOptions(options, name)
  const { store, keyOf, payloadOf, namespaceOf, expiresAfterMs } = resolved

  function payloadHashes(input: TInput): PayloadHashes {
    const selector = options.payloadValidation
    if (payloadOf === undefined || selector === undefined)
      return { current: undefined, formatOne: () => undefined }
    const selected = payloadOf(input)
    let formatOne: string | undefined | null = null
    return {
      current: hashText(selected.found ? selected.text : 'null'),
      formatOne() {
        if (formatOne === null) {
          const text = formatOneText(selector, input, 'null')
          formatOne = text === undefined ? undefined : hashText(text)
        }
        return formatOne
      },
    }
  }

  return {
    async begin(input: TInput, invocation: Invocation): Promise<Begin> {
      const selected = keyOf(input)
      if (!selected.found) {
        if (resolved.skipMissing) return SKIP
        throw missingKey(selected)
      }
      const namespace = namespaceOf(invocation.functionName)
      const key = `${namespace}${hashText(selected.text)}`
      const payload = payloadHashes(input)
      const at = resolved.now()
      const inProgressExpiry = at + resolved.inProgressMs(invocation.remainingMs)
      // The record must outlive its own in-progress window, whatever expiresAfterSeconds says.
      const expiry = Math.max(at + expiresAfterMs, inProgressExpiry)
      const payloadHash = payload.current
      const owner = randomUUID()
      const request: ClaimRequest = {
        key,
        owner,
        now: at,
        inProgressExpiry,
        expiry,
        payloadHash,
        keyFormat: KEY_FORMAT,
      }
      const outcome = await guarded('claim', () => store.claim(request))
      if (!outcome.claimed) return { kind: 'duplicate', ...answerFrom(outcome.existing, payload) }
      if (resolved.readPreviousKeyFormat) {
        const formatOne = formatOneText(options.key, input)
        const formatOneKey = formatOne === undefined ? undefined : `${namespace}${hashText(formatOne)}`
        if (formatOneKey !== undefined && formatOneKey !== key) {
          const found = await lookUpFormatOne(store, request, formatOneKey, payload)
          if (found !== undefined) return { kind: 'duplicate', ...found }
        }
      }
      return { kind: 'run', claim: { key, owner, payloadHash, inProgressExpiry } }
    },

    async finish(claim: Claim, result: unknown): Promise<void> {
      const json = JSON.stringify(result) as string | undefined
      const at = resolved.now()
      const request = { ...claim, now: at, expiry: at + expiresAfterMs, result: json, keyFormat: KEY_FORMAT }
      const outcome = await guarded('complete', () => store.complete(request))
      // The caller still gets its result: the work is done, and failing now would only trigger a retry that
      // cannot be answered either. The warnings reach the logs; duplicates get what the store holds.
      if (outcome.claimLost) {
        emitIdempotencyWarning(claimLostMessage(claim.key, 'complete'), 'IDEMPOTENCY_CLAIM_LOST')
      } else if (!outcome.resultStored) {
        emitIdempotencyWarning(resultTooLarge().message, 'IDEMPOTENCY_RESULT_TOO_LARGE')
      }
    },

    async fail(claim: Claim, error: unknown): Promise<void> {
      // Stopped at the deadline, the work may still run (a handler that ignored its signal): the claim stays,
      // and expires at the deadline (the in-progress expiry), so no retry runs beside it.
      if (stoppedByDeadline(error)) return
      // The handler's error is what the caller must see; if the release fails too, the record blocks retries
      // only until its in-progress expiry.
      const outcome = await store.release(claim.key, claim.owner).catch(() => undefined)
      if (outcome?.claimLost) {
        emitIdempotencyWarning(claimLostMessage(claim.key, 'release'), 'IDEMPOTENCY_CLAIM_LOST')
      }
    },
  }
}

/** The engine one form uses. */
export type Engine<TInput> = ReturnType<typeof createEngine<TInput>>

/**
 * Runs `fn` once per key: claims, runs, completes; releases when `fn` throws; answers duplicates with the
 * stored result. The shared body of `makeIdempotent` and `idempotentRecord`.
 *
 * @example
 * const result = await runOnce(engine, order, {}, () => charge(order))
 */
export async function runOnce<TInput, TResult>(
  engine: Engine<TInput>,
  input: TInput,
  invocation: Invocation,
  fn: () => TResult | Promise<TResult>,
): Promise<TResult> {
  const begin = await engine.begin(input, invocation)
  if (begin.kind === 'skip') return fn()
  if (begin.kind === 'duplicate') return begin.result as TResult
  let result: TResult
  try {
    result = await fn()
  } catch (error) {
    await engine.fail(begin.claim, error)
    throw error
  }
  await engine.finish(begin.claim, result)
  return result
}
