import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lambda } from '@sluice/core'
import { createContainer, invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import { isLeftover, scratchPid } from './leftovers.ts'
import { openScratch } from './scratch.ts'
import { tmp } from './tmp.ts'

const makeRoot = privateRoots()
/** Above Linux's PID_MAX_LIMIT (2^22): no process can have it, so kill(pid, 0) says ESRCH. */
const DEAD_PID = 2 ** 30

/** A scratch directory as a killed invocation leaves it: files inside, an old mtime. */
const plantLeftover = (root: string, pid: number, hex = '0123456789abcdef') => {
  const name = `sluice-scratch-${pid}-${hex}`
  mkdirSync(join(root, name))
  writeFileSync(join(root, name, 'partial.bin'), Buffer.alloc(1024))
  const old = new Date(Date.now() - 3_600_000)
  utimesSync(join(root, name), old, old)
  return name
}

describe('leftover scratch directories', () => {
  test('scratchPid() reads the pid from scratch names only', () => {
    expect(scratchPid('sluice-scratch-42-0123456789abcdef', 'sluice-scratch')).toBe(42)
    expect(scratchPid('sluice-scratch-42-0123456789abcde', 'sluice-scratch')).toBeUndefined()
    expect(scratchPid('sluice-scratch-x-0123456789abcdef', 'sluice-scratch')).toBeUndefined()
    expect(scratchPid('other-42-0123456789abcdef', 'sluice-scratch')).toBeUndefined()
  })

  test('a new container sweeps the scratch of a killed invocation (dead pid, or its own pid reused)', async () => {
    const root = makeRoot()
    const dead = plantLeftover(root, DEAD_PID)
    const reused = plantLeftover(root, process.pid, 'fedcba9876543210')
    const container = createContainer<unknown, { entriesAtStart: string[]; warned: string[] }>({
      module: new URL('../test-support/scratch-handler.ts', import.meta.url),
      env: { TMPDIR: root },
    })
    const first = await container.invoke({})
    await container.dispose()
    expect(first.entriesAtStart).toEqual([])
    expect([...first.warned].sort()).toEqual([join(root, dead), join(root, reused)].sort())
    expect(readdirSync(root)).toEqual([])
  })

  test('scratch directories of live processes, and this process’s own live ones, are left alone', async () => {
    const root = makeRoot()
    const ofParent = plantLeftover(root, process.ppid)
    const live = openScratch(root, 'sluice-scratch')
    const liveName = live.scratch.dir.slice(root.length + 1)
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, warn }))
      .handler(() => readdirSync(root).sort())
    expect(await invoke(handler, {})).toEqual([ofParent, liveName].sort())
    expect(warnings).toEqual([])
    expect(isLeftover(liveName, 'sluice-scratch', root)).toBe(false)
    live.close()
    expect(isLeftover(liveName, 'sluice-scratch', root)).toBe(true)
  })

  test('only the first invocation of a container sweeps; a link named like a scratch is unlinked, not followed', async () => {
    const root = makeRoot()
    const outside = makeRoot()
    writeFileSync(join(outside, 'precious.txt'), 'keep me')
    const handler = lambda()
      .use(tmp({ root, warn: () => {}, strays: 'ignore' }))
      .handler(() => undefined)
    symlinkSync(outside, join(root, `sluice-scratch-${DEAD_PID}-aaaaaaaaaaaaaaaa`))
    await invoke(handler, {})
    expect(readdirSync(root)).toEqual([])
    expect(readdirSync(outside)).toEqual(['precious.txt'])
    const later = plantLeftover(root, DEAD_PID)
    await invoke(handler, {})
    expect(readdirSync(root)).toEqual([later])
  })
})
