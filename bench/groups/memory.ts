import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type App, appName, apps, entries } from '../cold-start/apps.ts'
import { bundleOnce } from '../cold-start/bundle.ts'
import { firstResponse } from '../cold-start/first-response.ts'
import { localAws } from '../cold-start/local-aws.ts'
import { cases, type HeapCase } from '../memory/cases.ts'
import { formatValue } from '../report.ts'
import { median } from '../stats.ts'
import { inTurn } from '../turns.ts'
import type { BenchGroup, Measurement, Subject } from '../types.ts'

const child = fileURLToPath(new URL('../memory/heap-child.ts', import.meta.url))

/** Runs memory/heap-child.ts for one subject in a fresh `node --expose-gc`, and returns what it read. */
async function heapReading(
  name: string,
  subject: Subject,
  args: { rounds: number; invocations: number; env: Readonly<Record<string, string>> },
): Promise<{ allocated: number[]; retained: number[] }> {
  const proc = spawn(
    process.execPath,
    ['--expose-gc', child, name, subject, String(args.rounds), String(args.invocations)],
    {
      env: { ...process.env, AWS_REGION: 'us-east-1', ...args.env },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  )
  const out: Buffer[] = []
  const err: Buffer[] = []
  proc.stdio[3]?.on('data', (chunk: Buffer) => out.push(chunk))
  proc.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
  const exit = await new Promise<number | null>((done, fail) => proc.once('error', fail).once('close', done))
  if (exit !== 0)
    throw new Error(`heap reading ${name}/${subject} exited with ${exit}: ${Buffer.concat(err)}`)
  return JSON.parse(Buffer.concat(out).toString())
}

const heapGroup = (name: string, heapCase: HeapCase): BenchGroup => ({
  name: `memory: heap per invocation, ${heapCase.title}`,
  unit: 'bytes',
  note: `V8 heap allocated per invocation, retained after a full GC in the detail (method: bench/README.md). ${heapCase.note}`,
  measured: async (profile) => {
    await using aws = await localAws(heapCase.aws ?? [])
    const invocations = Math.max(25, Math.round(profile.heapInvocations / (heapCase.slow ?? 1)))
    const measurements: Measurement[] = []
    for (const subject of Object.keys(heapCase.subjects) as Subject[]) {
      const { allocated, retained } = await heapReading(name, subject, {
        rounds: profile.rounds,
        invocations,
        env: aws.env,
      })
      const kept = median(retained)
      measurements.push({
        subject,
        rounds: allocated,
        detail: `retains ${kept < 0 ? '0 B' : formatValue(kept, 'bytes')}/inv; ${invocations} calls a round`,
      })
    }
    return measurements
  },
})

const rssGroup = (app: App): BenchGroup => ({
  name: `memory: RSS after import, ${appName(app)}`,
  unit: 'bytes',
  note: 'fresh process per subject per round, RSS right after importing the cold-start bundle (bench/README.md)',
  measured: async (profile) => {
    const built = entries(app)
    const sluice = await bundleOnce(built.sluice, app.loadedAtImport)
    const powertools = await bundleOnce(built.powertools, app.loadedAtImport)
    // what module scope starts (a prefetch) needs its services, though the process exits right after import
    await using aws = await localAws(app.aws ?? [])
    const env = { ...app.env, ...aws.env }
    const runs = { sluice: [] as number[], powertools: [] as number[] }
    const heap = { sluice: [] as number[], powertools: [] as number[] }
    const subjects = [
      ['sluice', sluice],
      ['powertools', powertools],
    ] as const
    for (let round = 0; round < profile.rounds; round++) {
      for (const [subject, bundle] of inTurn(subjects, round)) {
        const run = await firstResponse(bundle.file, { env })
        runs[subject].push(run.rssAfterImport)
        heap[subject].push(run.heapAfterImport)
      }
    }
    const of = (subject: 'sluice' | 'powertools'): Measurement => ({
      subject,
      rounds: runs[subject],
      detail: `heap ${formatValue(median(heap[subject]), 'bytes')}`,
    })
    return [of('powertools'), of('sluice')]
  },
})

/** Memory against the same anchors: heap per invocation of each stack, and RSS after import of each example. */
export const groups: BenchGroup[] = [
  ...Object.entries(cases).map(([name, heapCase]) => heapGroup(name, heapCase)),
  ...apps.map(rssGroup),
]
