import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { lambda } from '@sluice/core'
import { createContainer, invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import { isLeftover } from './leftovers.ts'
import { openScratch } from './scratch.ts'
import { ownProcessStart, parseScratchName, processStart } from './scratch-name.ts'
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
  test('parseScratchName() reads the owner from scratch names only, older names included', () => {
    expect(
      parseScratchName('sluice-scratch-42-51874-3-1767225600000-0123456789abcdef', 'sluice-scratch'),
    ).toEqual({
      pid: 42,
      start: 51874,
      thread: 3,
      deadline: 1767225600000,
    })
    expect(parseScratchName('sluice-scratch-42-0123456789abcdef', 'sluice-scratch')).toEqual({
      pid: 42,
      start: 0,
      thread: undefined,
      deadline: 0,
    })
    expect(parseScratchName('sluice-scratch-42-0123456789abcde', 'sluice-scratch')).toBeUndefined()
    expect(parseScratchName('sluice-scratch-x-0123456789abcdef', 'sluice-scratch')).toBeUndefined()
    expect(parseScratchName('sluice-scratch-42-1-2-0123456789abcdef', 'sluice-scratch')).toBeUndefined()
    expect(parseScratchName('other-42-0123456789abcdef', 'sluice-scratch')).toBeUndefined()
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
    expect(isLeftover(liveName, 'sluice-scratch', root, Date.now())).toBe(false)
    live.close()
    expect(isLeftover(liveName, 'sluice-scratch', root, Date.now())).toBe(true)
  })

  test('the name is the lease: who owns a scratch, and until when, decides whether it is left over', () => {
    const root = makeRoot()
    const now = Date.now()
    const start = ownProcessStart()
    const hex = '0123456789abcdef'
    const named = (pid: number, processStart: number, thread: number, deadline: number) =>
      `sluice-scratch-${pid}-${processStart}-${thread}-${deadline}-${hex}`
    const leftover = (name: string) => isLeftover(name, 'sluice-scratch', root, now)
    const otherThread = threadId + 1
    // Another worker thread of this process: in flight until its deadline (or for good without one).
    expect(leftover(named(process.pid, start, otherThread, now + 60_000))).toBe(false)
    expect(leftover(named(process.pid, start, otherThread, 0))).toBe(false)
    expect(leftover(named(process.pid, start, otherThread, now - 1))).toBe(true)
    // This thread's: only what it holds open, whatever the deadline says.
    expect(leftover(named(process.pid, start, threadId, now + 60_000))).toBe(true)
    // Another live process (the parent): in flight until its deadline.
    expect(leftover(named(process.ppid, processStart(process.ppid) ?? 0, 0, now + 60_000))).toBe(false)
    expect(leftover(named(process.ppid, processStart(process.ppid) ?? 0, 0, now - 1))).toBe(true)
    expect(leftover(named(DEAD_PID, 1, 0, now + 60_000))).toBe(true)
    if (start !== 0) {
      // An earlier process that had this pid (the runtime restarted), and a pid another process took since.
      expect(leftover(named(process.pid, start - 1, otherThread, now + 60_000))).toBe(true)
      expect(leftover(named(process.ppid, (processStart(process.ppid) ?? 2) - 1, 0, now + 60_000))).toBe(true)
    }
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
