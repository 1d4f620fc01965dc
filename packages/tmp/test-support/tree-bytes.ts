import { lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Apparent size of a tree in bytes, without following links.
 *
 * @example
 * treeBytes(root) // 0 for an empty directory
 */
export function treeBytes(path: string): number {
  let total = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    total += entry.isDirectory() ? treeBytes(child) : lstatSync(child).size
  }
  return total
}
