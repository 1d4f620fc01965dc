// Test helper (not exported): a private root per test, removed after it, and a recorder for warnings.
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { TmpWarnFn, TmpWarningDetails } from './warn.ts'

/** Registers an afterEach that removes every root made by the returned function. */
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

/** A warn function that records what it was given. */
export function recorder(): { warn: TmpWarnFn; warnings: Array<TmpWarningDetails & { message: string }> } {
  const warnings: Array<TmpWarningDetails & { message: string }> = []
  return {
    warnings,
    warn: (message, details) => {
      warnings.push({ ...details, message })
    },
  }
}

/** Apparent size of a tree in bytes, without following links. */
export function treeBytes(path: string): number {
  let total = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    total += entry.isDirectory() ? treeBytes(child) : lstatSync(child).size
  }
  return total
}
