import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/**
 * Registers an afterEach that removes every root made by the returned function: a private root per test.
 *
 * @example
 * const makeRoot = privateRoots()
 * test('…', () => { const root = makeRoot() })
 */
export function privateRoots(): () => string {
  const made: string[] = []
  afterEach(() => {
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true })
  })
  return function makeRoot() {
    const root = mkdtempSync(join(tmpdir(), 'sluice-tmp-test-'))
    made.push(root)
    return root
  }
}

/**
 * A root from `makeRoot` plus a directory beside it (outside it) holding `precious.txt`, a file that must survive
 * whatever is done inside the root.
 *
 * @example
 * const { root, outside } = rootWithOutside(makeRoot)
 */
export function rootWithOutside(makeRoot: () => string): { root: string; outside: string } {
  const base = makeRoot()
  const root = join(base, 'root')
  const outside = join(base, 'outside')
  mkdirSync(root)
  mkdirSync(outside)
  writeFileSync(join(outside, 'precious.txt'), 'keep me')
  return { root, outside }
}
