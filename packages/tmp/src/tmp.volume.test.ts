import { existsSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lambda } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import { treeBytes } from '../test-support/tree-bytes.ts'
import { tmp } from './tmp.ts'
import { tmpCache } from './tmp-cache.ts'

const makeRoot = privateRoots()
const MB = 1024 * 1024

describe('tmp() over many invocations', () => {
  test('1 000 invocations writing 2 MB each: the root never holds more than the cache, nothing crosses over', async () => {
    const root = makeRoot()
    const cache = tmpCache({ dir: join(root, 'assets'), maxBytes: MB })
    const { warn, warnings } = recorder()
    // One buffer for every write: the test measures the middleware, not the allocator.
    const payload = Buffer.alloc(2 * MB, 7)
    const asset = Buffer.alloc(200 * 1024, 1)
    let previousFile: string | undefined
    const handler = lambda<{ i: number }>()
      .use(tmp({ root, keep: [cache.dir], strays: 'delete', minFreeBytes: 16 * MB, warn }))
      .handler(async ({ i }, context) => {
        const atStart = readdirSync(root)
        const previousVisible = previousFile !== undefined && existsSync(previousFile)
        const file = context.tmp.file('payload.bin')
        const existedBefore = existsSync(file)
        await writeFile(file, payload)
        if (i % 5 === 0) await cache.put(`asset-${i % 35}`, asset)
        previousFile = file
        return { atStart, previousVisible, existedBefore, used: await context.tmp.bytesUsed() }
      })

    let largestRoot = 0
    const crossedOver: number[] = []
    for (let i = 0; i < 1_000; i++) {
      const result = await invoke(handler, { i })
      const others = result.atStart.filter((name) => name !== 'assets')
      if (result.previousVisible || result.existedBefore || others.length > 0) crossedOver.push(i)
      expect(result.used).toBe(payload.length)
      largestRoot = Math.max(largestRoot, treeBytes(root))
    }
    expect(crossedOver).toEqual([])
    expect(largestRoot).toBeLessThanOrEqual(MB)
    expect(largestRoot).toBeGreaterThan(0)
    expect(readdirSync(root)).toEqual(['assets'])
    expect(warnings).toEqual([])
  })
})
