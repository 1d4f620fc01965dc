import { lambda } from '@sluice/core'
import { createClock, createContext } from '@sluice/testing'
import fc from 'fast-check'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { idempotency } from '../src/idempotency.ts'
import { type IdempotencyStore, isReplaceable } from '../src/record.ts'

// Test-only: a claim's owner token guards its complete and release. An invocation that outlived its claim (its
// in-progress expiry passed and another invocation took the key over) must never delete or overwrite the record
// of the invocation that holds the key now.

let next = 0
const freshKey = (what: string) => `${what}-${process.pid}-${Date.now()}-${next++}`

/** The warnings the process gave during the test, by code. */
function warningCodes() {
  const codes: string[] = []
  const listen = (warning: Error) => codes.push(String((warning as { code?: unknown }).code))
  beforeEach(() => {
    codes.length = 0
    process.on('warning', listen)
  })
  afterEach(() => {
    process.off('warning', listen)
  })
  // `process.emitWarning` emits on the next tick.
  return async () => {
    await new Promise((resolve) => setImmediate(resolve))
    return codes
  }
}

/** The late-release and late-complete scenarios, store calls and through the middleware, plus a model property. */
export function ownershipSuite(store: () => IdempotencyStore, propertyRuns: number): void {
  const warnings = warningCodes()
  const start = Date.UTC(2025, 0, 1)
  const times = (now: number) => ({ now, inProgressExpiry: now + 1000, expiry: now + 60_000 })

  test('a late release (the claim was taken over) deletes nothing: the new holder keeps the key', async () => {
    const records = store()
    const key = freshKey('late-release')
    expect(await records.claim({ key, owner: 'a', ...times(start) })).toEqual({ claimed: true })
    expect(await records.claim({ key, owner: 'b', ...times(start + 1001) })).toEqual({ claimed: true })
    expect(await records.release(key, 'a')).toEqual({ claimLost: true })
    expect(await records.claim({ key, owner: 'c', ...times(start + 1002) })).toMatchObject({
      claimed: false,
      existing: { status: 'IN_PROGRESS', inProgressExpiry: start + 2001 },
    })
    expect(await records.release(key, 'b')).toEqual({ claimLost: false })
    expect(await records.claim({ key, owner: 'c', ...times(start + 1003) })).toEqual({ claimed: true })
  })

  test('a late complete writes nothing, before or after the new holder completes', async () => {
    const records = store()
    const key = freshKey('late-complete')
    await records.claim({ key, owner: 'a', ...times(start) })
    await records.claim({ key, owner: 'b', ...times(start + 1001) })
    const late = { key, owner: 'a', ...times(start + 1002), result: '"from a"' }
    expect(await records.complete(late)).toMatchObject({ claimLost: true })
    expect(await records.claim({ key, owner: 'c', ...times(start + 1003) })).toMatchObject({
      claimed: false,
      existing: { status: 'IN_PROGRESS' },
    })
    const done = await records.complete({ key, owner: 'b', ...times(start + 1004), result: '"from b"' })
    expect(done).toEqual({ resultStored: true, claimLost: false })
    expect(await records.complete({ ...late, now: start + 1005 })).toMatchObject({ claimLost: true })
    expect(await records.release(key, 'b')).toEqual({ claimLost: true }) // completed: no longer releasable
    expect(await records.claim({ key, owner: 'c', ...times(start + 1006) })).toMatchObject({
      claimed: false,
      existing: { status: 'COMPLETED', result: '"from b"' },
    })
  })

  test('a complete or release for a key nobody holds writes nothing', async () => {
    const records = store()
    const key = freshKey('absent')
    expect(await records.complete({ key, owner: 'a', ...times(start), result: '1' })).toMatchObject({
      claimLost: true,
    })
    expect(await records.release(key, 'a')).toEqual({ claimLost: true })
    expect(await records.claim({ key, owner: 'b', ...times(start) })).toEqual({ claimed: true })
  })

  test.each([
    { late: 'threw', frees: 'leaves the new run its key' },
    { late: 'returned', frees: 'neither overwrites nor frees the key' },
  ] as const)(
    'through the middleware: a run that outlived its deadline and then $late $frees',
    async ({ late }) => {
      const clock = createClock(start)
      const runs: string[] = []
      const gates = { a: Promise.withResolvers<void>(), b: Promise.withResolvers<void>() }
      const started = { a: Promise.withResolvers<void>(), b: Promise.withResolvers<void>() }
      const handler = lambda<{ id: string; run: 'a' | 'b' | 'c' }>()
        .use(idempotency<{ id: string }>({ key: ['id'], store: store(), now: clock.now }))
        .handler(async (event) => {
          runs.push(event.run)
          if (event.run === 'c') return 'from c'
          started[event.run].resolve()
          await gates[event.run].promise
          if (event.run === 'a' && late === 'threw') throw new Error('a failed late')
          return `from ${event.run}`
        })
      const context = () => createContext({ functionName: 'orders', timeoutMs: 5000, clock })
      const id = freshKey(`middleware-${late}`)
      const a = handler({ id, run: 'a' }, context())
      await started.a.promise
      await clock.advance(5001) // past a's deadline: its in-progress record may be taken over
      const b = handler({ id, run: 'b' }, context())
      await started.b.promise
      gates.a.resolve()
      // A late throw frees nothing; a late return still gives its caller the work it did, and stores nothing.
      if (late === 'threw') await expect(a).rejects.toThrow('a failed late')
      else expect(await a).toBe('from a')
      await expect(handler({ id, run: 'c' }, context())).rejects.toMatchObject({
        code: 'IDEMPOTENCY_IN_PROGRESS',
      })
      expect(await warnings()).toContain('IDEMPOTENCY_CLAIM_LOST')
      gates.b.resolve()
      expect(await b).toBe('from b')
      expect(await handler({ id, run: 'c' }, context())).toBe('from b')
      expect(runs).toEqual(['a', 'b'])
    },
  )

  test('any interleaving of claims, completes, releases and clock steps by 3 invocations matches the model (property)', async () => {
    type Step =
      | { readonly op: 'claim' | 'complete' | 'release'; readonly who: number }
      | { readonly op: 'advance'; readonly ms: number }
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ op: fc.constantFrom('claim', 'complete', 'release'), who: fc.nat(2) }),
      fc.record({ op: fc.constant('advance'), ms: fc.integer({ min: 0, max: 1500 }) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps) => {
        const records = store()
        const key = freshKey('model')
        let now = start
        let claims = 0
        // What the store must hold, and each invocation's latest owner token.
        let model:
          | { status: 'IN_PROGRESS' | 'COMPLETED'; owner: string; expiry: number; inProgressExpiry: number }
          | undefined
        const tokens: Array<string | undefined> = []
        for (const s of steps) {
          if (s.op === 'advance') {
            now += s.ms
            continue
          }
          if (s.op === 'claim') {
            const owner = `${key}-${s.who}-${claims++}`
            tokens[s.who] = owner
            const outcome = await records.claim({ key, owner, ...times(now) })
            if (model === undefined || isReplaceable(model, now)) {
              expect(outcome).toEqual({ claimed: true })
              model = { status: 'IN_PROGRESS', owner, ...times(now) }
            } else expect(outcome).toMatchObject({ claimed: false, existing: { status: model.status } })
            continue
          }
          const owner = tokens[s.who] ?? `${key}-${s.who}-never`
          if (s.op === 'complete') {
            const outcome = await records.complete({
              key,
              owner,
              ...times(now),
              result: JSON.stringify(owner),
            })
            const owned = model?.owner === owner
            expect(outcome.claimLost).toBe(!owned)
            if (owned && model) model = { ...model, status: 'COMPLETED', expiry: now + 60_000 }
          } else {
            const owned = model?.owner === owner && model.status === 'IN_PROGRESS'
            expect(await records.release(key, owner)).toEqual({ claimLost: !owned })
            if (owned) model = undefined
          }
        }
      }),
      { numRuns: propertyRuns },
    )
  })
}
