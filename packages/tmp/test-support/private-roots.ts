import { mkdtempSync, rmSync } from 'node:fs'
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
