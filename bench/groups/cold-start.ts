import { type App, appName, apps, entries } from '../cold-start/apps.ts'
import { type Bundle, bundleOnce } from '../cold-start/bundle.ts'
import { type FirstResponse, firstResponse } from '../cold-start/first-response.ts'
import { localAws } from '../cold-start/local-aws.ts'
import { median } from '../stats.ts'
import { inTurn } from '../turns.ts'
import type { BenchGroup, Measurement } from '../types.ts'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`

type ColdSubject = 'bare' | 'powertools' | 'sluice'

/** A subject's rounds, each the processes it started in that round. */
const measurement = (
  subject: ColdSubject,
  built: Bundle,
  rounds: ReadonlyArray<readonly FirstResponse[]>,
) => {
  const runs = rounds.flat()
  const importMs = median(runs.map((run) => run.importMs))
  const callMs = median(runs.map((run) => run.firstResponseMs - run.importMs))
  const lazy = built.lazyBytes > 0 ? `, +${kb(built.lazyBytes)} lazy in ${built.chunks - 1} chunk(s)` : ''
  return {
    subject,
    rounds: rounds.map((round) => median(round.map((run) => run.firstResponseMs))),
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
    const files = entries(app)
    // bare (the same work with no framework) only where the app has one; its tag keeps ids unique per process
    const subjects: Array<readonly [ColdSubject, Bundle, string]> = []
    if (files.bare !== undefined)
      subjects.push(['bare', await bundleOnce(files.bare, app.loadedAtImport), 'b'])
    subjects.push(['powertools', await bundleOnce(files.powertools, app.loadedAtImport), 'p'])
    subjects.push(['sluice', await bundleOnce(files.sluice, app.loadedAtImport), 's'])
    await using aws = await localAws(app.aws ?? [])
    const env = { ...app.env, ...aws.env }
    const rounds = new Map(subjects.map(([subject]) => [subject, [] as FirstResponse[][]]))
    for (let round = 0; round < profile.processRounds; round++) {
      const inRound = new Map(subjects.map(([subject]) => [subject, [] as FirstResponse[]]))
      // each subject several times in turns, the order flipping every turn; the round keeps each one's median
      for (let turn = 0; turn < profile.processesPerRound; turn++) {
        const outcomes = new Map<ColdSubject, string>()
        for (const [subject, bundle, tag] of inTurn(subjects, round * profile.processesPerRound + turn)) {
          const event = app.event(`${tag}${round}-${turn}`)
          const run = await firstResponse(bundle.file, { env, event })
          inRound.get(subject)?.push(run)
          outcomes.set(subject, app.outcome(run.response))
        }
        // the same first response on every side, or the times compare different work
        if (new Set(outcomes.values()).size > 1) {
          const said = [...outcomes].map(([subject, outcome]) => `${subject} answered ${outcome}`)
          throw new Error(`${appName(app)}: ${said.join(', ')}`)
        }
      }
      for (const [subject, runs] of inRound) rounds.get(subject)?.push(runs)
    }
    return subjects.map(([subject, bundle]) => measurement(subject, bundle, rounds.get(subject) ?? []))
  },
})

/**
 * Cold start as a user pays it per example: import plus first invocation, sluice next to middy + Powertools, and
 * next to the same work with no framework (bare) where the app has one.
 */
export const groups: BenchGroup[] = apps.map(groupFor)
