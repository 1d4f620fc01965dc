import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import fc from 'fast-check'
import { expect } from 'vitest'
import { isIdempotencyError } from '../src/errors.ts'
import { idempotency } from '../src/idempotency.ts'
import { idempotentRecord } from '../src/idempotent-record.ts'
import { makeIdempotent } from '../src/make-idempotent.ts'
import type { IdempotencyStore } from '../src/record.ts'
import { anyKey, EMPTY, INVALID, keyPair, meaning, sameMeaning } from './hostile-keys.ts'

// Test-only: the property every form must keep, whatever the key: different keys never share a result, equal
// keys run once, empty keys are IDEMPOTENCY_KEY_MISSING, and anything else is a result or an IdempotencyError.

/** Runs `token`'s work under `key` in one form; resolves with what the caller gets. */
export type Form = (
  store: IdempotencyStore,
  namespace: string,
) => (key: unknown, token: string) => Promise<unknown>

/** The three ways a key is formed: the middleware (paths), `makeIdempotent` and `idempotentRecord` (functions). */
export const forms: Record<string, Form> = {
  'idempotency() with a path': (store, functionName) => {
    const handler = lambda<{ k: unknown; token: string }>()
      .use(idempotency<{ k: unknown; token: string }>({ key: ['k'], store, functionName }))
      .handler(async (event) => ({ token: event.token }))
    return (k, token) => handler({ k, token }, createContext())
  },
  'makeIdempotent() with a function': (store, functionName) => {
    const fn = makeIdempotent(async (_key: unknown, token: string) => ({ token }), {
      key: (key) => key,
      store,
      functionName,
    })
    return (k, token) => fn(k, token)
  },
  'idempotentRecord() with a function': (store, functionName) => {
    const once = idempotentRecord<{ k: unknown }>({ key: (record) => record.k, store, functionName })
    return (k, token) => once({ k }, () => ({ token }))
  },
}

let namespaces = 0
const settle = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

function expectOutcome(outcome: Awaited<ReturnType<typeof settle>>, meant: unknown) {
  if (meant === INVALID || meant === EMPTY) {
    expect(outcome.ok).toBe(false)
    const code = meant === EMPTY ? 'IDEMPOTENCY_KEY_MISSING' : 'IDEMPOTENCY_KEY_INVALID'
    if (!outcome.ok) expect(isIdempotencyError(outcome.error, code), String(outcome.error)).toBe(true)
  } else {
    expect(outcome.ok, outcome.ok ? '' : String(outcome.error)).toBe(true)
  }
}

/** Two keys through one form on one store: each gets its own result unless they mean the same key. */
export function keyPairProperty(form: Form, store: () => IdempotencyStore) {
  return fc.asyncProperty(keyPair, async ([a, b]) => {
    const call = form(store(), `oracle-${process.pid}-${namespaces++}`)
    const first = await settle(call(a, 'first'))
    const second = await settle(call(b, 'second'))
    const [meantA, meantB] = [meaning(a), meaning(b)]
    expectOutcome(first, meantA)
    expectOutcome(second, meantB)
    if (!first.ok || !second.ok) return
    expect(first.value).toEqual({ token: 'first' })
    expect(second.value).toEqual({ token: sameMeaning(meantA, meantB) ? 'first' : 'second' })
  })
}

/** Any value at all as a key: a result or an IdempotencyError, never another throw. */
export function anyValueProperty(form: Form, store: () => IdempotencyStore) {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  })
  return fc.asyncProperty(fc.oneof(anything, anyKey), async (key) => {
    const outcome = await settle(form(store(), `any-${process.pid}-${namespaces++}`)(key, 'only'))
    if (!outcome.ok) expect(isIdempotencyError(outcome.error), String(outcome.error)).toBe(true)
  })
}
