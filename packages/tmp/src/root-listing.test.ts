import { mkdirSync, rmdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { isCurrent, listRoot, SETTLED_MS } from './root-listing.ts'

const makeRoot = privateRoots()

/** A minute from now: listed then, a root changed now has settled, as a warm container's /tmp between bursts. */
const later = () => Date.now() + 60_000

/**
 * Backdates the root's modification time, so the change a test makes next gives a different one even within the
 * same tick of the kernel's coarse clock (which is what SETTLED_MS guards against outside tests).
 */
const backdate = (root: string) => {
  const past = new Date(Date.now() - 60_000)
  utimesSync(root, past, past)
}

describe('root listings', () => {
  test('a listing of a settled root stays current until an entry is added or removed', () => {
    const root = makeRoot()
    writeFileSync(join(root, 'assets'), 'x')
    backdate(root)
    const listing = listRoot(root, later())
    expect([...listing.names]).toEqual(['assets'])
    expect(isCurrent(root, listing)).toBe(true)
    // Writing inside an existing entry is not a change of the root's names.
    writeFileSync(join(root, 'assets'), 'rewritten')
    expect(isCurrent(root, listing)).toBe(true)

    mkdirSync(join(root, 'stray'))
    expect(isCurrent(root, listing)).toBe(false)
    backdate(root)
    const again = listRoot(root, later())
    expect(isCurrent(root, again)).toBe(true)
    rmdirSync(join(root, 'stray'))
    expect(isCurrent(root, again)).toBe(false)
  })

  test(`a root changed within ${SETTLED_MS} ms of its listing is never vouched for (timestamps are coarse)`, () => {
    const root = makeRoot()
    writeFileSync(join(root, 'fresh'), 'x')
    const listing = listRoot(root)
    expect(listing.stamp).toBeUndefined()
    expect(isCurrent(root, listing)).toBe(false)
  })

  test('a root that was removed is not current', () => {
    const root = makeRoot()
    const listing = listRoot(root, later())
    rmdirSync(root)
    expect(isCurrent(root, listing)).toBe(false)
  })
})
