import { hashValue } from './canonical-json.ts'
import { IdempotencyError, storeUnavailable } from './errors.ts'
import { memoryStore } from './memory-store.ts'
import { positiveInteger } from './options-check.ts'
import type { IdempotencyStore } from './record.ts'
import { compileSelector, type Selected, type Selector } from './selector.ts'

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
    `The idempotency key is missing${where}: send it with the request, or set onMissingKey: 'skip' to run such requests unguarded`,
    { code: 'IDEMPOTENCY_KEY_MISSING', path: selected.path, cause: selected.cause },
  )
}

/**
 * The claim → run → complete / release protocol shared by every form. `name` tells forms apart in one function
 * (`orders.charge#…`); the middleware has none (`orders#…`).
 *
 * @example
 * const engine = createEngine({ key: (order: Order) => order.id }, 'charge')
 * const begin = await engine.begin(order, { remainingMs: 10_000 })
 */
export function createEngine<TInput>(
  options: SharedOptions & { readonly key: Selector<TInput>; readonly payloadValidation?: Selector<TInput> },
  name?: string,
) {
  const store = options.store ?? memoryStore()
  const now = options.now ?? Date.now
  const expiresAfterMs = positiveInteger('expiresAfterSeconds', options.expiresAfterSeconds ?? 3600) * 1000
  const defaultInProgressMs = positiveInteger('inProgressTimeoutMs', options.inProgressTimeoutMs ?? 900_000)
  const keyOf = compileSelector(options.key)
  const payloadOf = options.payloadValidation ? compileSelector(options.payloadValidation) : undefined
  const skipMissing = options.onMissingKey === 'skip'
  const suffix = `${options.qualifier ? `:${options.qualifier}` : ''}${name ? `.${name}` : ''}#`
  // Lambda sets the variable before INIT and never changes it; the context's name wins when there is one.
  const envName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local'

  return {
    async begin(input: TInput, invocation: Invocation): Promise<Begin> {
      const selected = keyOf(input)
      if (!selected.found) {
        if (skipMissing) return SKIP
        throw missingKey(selected)
      }
      const functionName = options.functionName ?? invocation.functionName ?? envName
      const key = `${functionName}${suffix}${hashValue(selected.value)}`
      const payload = payloadOf?.(input)
      const payloadHash = payload === undefined ? undefined : hashValue(payload.found ? payload.value : null)
      const at = Math.floor(now())
      const inProgressExpiry = at + (invocation.remainingMs ?? defaultInProgressMs)
      // The record must outlive its own in-progress window, whatever expiresAfterSeconds says.
      const expiry = Math.max(at + expiresAfterMs, inProgressExpiry)
      let outcome: Awaited<ReturnType<IdempotencyStore['claim']>>
      try {
        outcome = await store.claim({ key, now: at, inProgressExpiry, expiry, payloadHash })
      } catch (cause) {
        throw cause instanceof IdempotencyError ? cause : storeUnavailable('claim', cause)
      }
      if (outcome.claimed) return { kind: 'run', claim: { key, payloadHash, inProgressExpiry } }
      const { existing } = outcome
      if (
        payloadHash !== undefined &&
        existing.payloadHash !== undefined &&
        existing.payloadHash !== payloadHash
      ) {
        throw new IdempotencyError(
          'This idempotency key was already used with a different payload: send a new key for a new request',
          { code: 'IDEMPOTENCY_PAYLOAD_MISMATCH' },
        )
      }
      if (existing.status === 'IN_PROGRESS') {
        throw new IdempotencyError(
          'A request with this idempotency key is still being processed: retry after it finishes',
          { code: 'IDEMPOTENCY_IN_PROGRESS' },
        )
      }
      if (existing.resultTooLarge) throw resultTooLarge()
      return {
        kind: 'duplicate',
        result: existing.result === undefined ? undefined : JSON.parse(existing.result),
      }
    },

    async finish(claim: Claim, result: unknown): Promise<void> {
      const json = JSON.stringify(result) as string | undefined
      const at = Math.floor(now())
      let outcome: Awaited<ReturnType<IdempotencyStore['complete']>>
      try {
        outcome = await store.complete({ ...claim, now: at, expiry: at + expiresAfterMs, result: json })
      } catch (cause) {
        throw cause instanceof IdempotencyError ? cause : storeUnavailable('complete', cause)
      }
      // The caller still gets its result: the work is done once, and failing now would only trigger a retry
      // that cannot be answered either. Duplicates get IDEMPOTENCY_RESULT_TOO_LARGE; the warning reaches the logs.
      if (!outcome.resultStored) {
        process.emitWarning(resultTooLarge().message, { code: 'IDEMPOTENCY_RESULT_TOO_LARGE' })
      }
    },

    async fail(claim: Claim): Promise<void> {
      // The handler's error is what the caller must see; if the release fails too, the record blocks retries
      // only until its in-progress expiry.
      await store.release(claim.key).catch(() => {})
    },
  }
}

/** The engine one form uses. */
export type Engine<TInput> = ReturnType<typeof createEngine<TInput>>

function resultTooLarge(): IdempotencyError {
  return new IdempotencyError(
    'The result was too large for the idempotency store and was not kept, so a duplicate cannot be answered: ' +
      'return a smaller result (e.g. a reference to an S3 object)',
    { code: 'IDEMPOTENCY_RESULT_TOO_LARGE' },
  )
}

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
    await engine.fail(begin.claim)
    throw error
  }
  await engine.finish(begin.claim, result)
  return result
}
