import { mkdtempSync, rmSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lambda } from '@sluice/core'
import { tmp } from '@sluice/tmp'
import { invocationContext } from '../context.ts'
import type { BenchGroup } from '../types.ts'

// A private root, so the stray check and the budget's statfs see what they would in a Lambda's /tmp; the bare
// subject gets a root of its own: its directories in sluice's root would be strays that sluice's check lists,
// reports and is charged for.
const root = mkdtempSync(join(tmpdir(), 'sluice-bench-tmp-'))
const bareRoot = mkdtempSync(join(tmpdir(), 'sluice-bench-bare-'))
process.on('exit', function removeBenchRoots() {
  for (const dir of [root, bareRoot]) rmSync(dir, { recursive: true, force: true })
})
const event = { id: 'x' }
const fourKb = Buffer.alloc(4096, 1)

const unusedBare = lambda<{ id: string }>().handler(async (input) => input.id)
const unusedSluice = lambda<{ id: string }>()
  .use(tmp({ root }))
  .handler(async (input) => input.id)

const writeSluice = lambda<{ id: string }>()
  .use(tmp({ root }))
  .handler(async (input, ctx) => {
    await writeFile(ctx.tmp.file('part.bin'), fourKb)
    return input.id
  })
// What a careful handler does without @sluice/tmp: its own temp dir, removed before returning.
const writeBare = lambda<{ id: string }>().handler(async (input) => {
  const dir = await mkdtemp(join(bareRoot, 'bare-'))
  try {
    await writeFile(join(dir, 'part.bin'), fourKb)
    return input.id
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

/** What tmp() costs an invocation; neither middy nor Powertools has an equivalent, so the anchor is bare code. */
export const groups: BenchGroup[] = [
  {
    name: 'tmp: per-invocation overhead, scratch unused',
    targets: [{ kind: 'overhead', against: 'bare', atMostNs: 2000 }],
    note: 'lambda() with tmp() (defaults: free space read at most once a second, strays through a watch on the root) vs lambda() alone; scratch never touched; a fresh context per call, as Lambda gives',
    subjects: [
      { subject: 'bare', fn: () => unusedBare(event, invocationContext()) },
      { subject: 'sluice', fn: () => unusedSluice(event, invocationContext()) },
    ],
  },
  {
    name: 'tmp: one 4 KB file in scratch',
    note: 'context.tmp.file() + writeFile, removed by tmp() vs the handler doing mkdtemp + writeFile + rm itself',
    subjects: [
      { subject: 'bare', fn: () => writeBare(event, invocationContext()) },
      { subject: 'sluice', fn: () => writeSluice(event, invocationContext()) },
    ],
  },
]
