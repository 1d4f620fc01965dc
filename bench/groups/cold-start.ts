import { type App, appName, apps, entries } from '../cold-start/apps.ts'
import { type Bundle, bundleOnce } from '../cold-start/bundle.ts'
import { type FirstResponse, firstResponse } from '../cold-start/first-response.ts'
import { localAws } from '../cold-start/local-aws.ts'
import { median } from '../stats.ts'
import { inTurn } from '../turns.ts'
import type { BenchGroup, Measurement } from '../types.ts'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`

const measurement = (subject: 'sluice' | 'powertools', built: Bundle, runs: readonly FirstResponse[]) => {
  const importMs = median(runs.map((run) => run.importMs))
  const callMs = median(runs.map((run) => run.firstResponseMs - run.importMs))
  const lazy = built.lazyBytes > 0 ? `, +${kb(built.lazyBytes)} lazy in ${built.chunks - 1} chunk(s)` : ''
  return {
    subject,
    rounds: runs.map((run) => run.firstResponseMs),
    bytes: built.importBytes,
    detail: `import ${importMs.toFixed(1)} + first call ${callMs.toFixed(1)} ms; ${kb(built.importBytes)} at import${lazy}`,
  } satisfies Measurement
}

const groupFor = (app: App): BenchGroup => ({
  name: `cold-start: ${appName(app)}`,
  unit: 'ms',
  targets: [{ kind: 'ratio', against: 'powertools', atLeast: 1.25 }],
  note: `import + first invocation in a fresh process (bench/README.md); ${app.note}`,
  measured: async (profile) => {
    const { sluice: sluiceEntry, powertools: powertoolsEntry } = entries(app)
    const sluice = await bundleOnce(sluiceEntry, app.loadedAtImport)
    const powertools = await bundleOnce(powertoolsEntry, app.loadedAtImport)
    await using aws = await localAws(app.aws ?? [])
    const env = { ...app.env, ...aws.env }
    const runs = { sluice: [] as FirstResponse[], powertools: [] as FirstResponse[] }
    const subjects = [
      ['sluice', sluice, 's'],
      ['powertools', powertools, 'p'],
    ] as const
    for (let round = 0; round < profile.processRounds; round++) {
      for (const [subject, bundle, tag] of inTurn(subjects, round)) {
        runs[subject].push(await firstResponse(bundle.file, { env, event: app.event(`${tag}${round}`) }))
      }
      // the same first response on both sides, or the times compare different work
      const [ours, theirs] = [
        app.outcome(runs.sluice[round]?.response),
        app.outcome(runs.powertools[round]?.response),
      ]
      if (ours !== theirs) throw new Error(`${appName(app)}: sluice answered ${ours}, powertools ${theirs}`)
    }
    return [
      measurement('powertools', powertools, runs.powertools),
      measurement('sluice', sluice, runs.sluice),
    ]
  },
})

/** Cold start as a user pays it per example: import plus first invocation, sluice next to middy + Powertools. */
export const groups: BenchGroup[] = apps.map(groupFor)
