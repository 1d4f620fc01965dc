import { readdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { profiles } from './profile.ts'
import { type GroupReport, groupReport, printTable } from './report.ts'
import { tally } from './settle.ts'
import { timeRounds } from './timed.ts'
import type { BenchGroup, BenchRow } from './types.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    filter: { type: 'string' },
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
})
const profile = profiles[values.quick ? 'quick' : 'full']

// Every bench/groups/<name>.ts exports `groups: BenchGroup[]`; core first, the rest by file name.
const files = readdirSync(new URL('./groups/', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .sort((a, b) => (a === 'core.ts' ? -1 : b === 'core.ts' ? 1 : a.localeCompare(b)))
const all: BenchGroup[] = []
for (const file of files) {
  const mod: { groups: BenchGroup[] } = await import(new URL(`./groups/${file}`, import.meta.url).href)
  all.push(...mod.groups)
}
const selected = values.filter ? all.filter((g) => g.name.includes(values.filter ?? '')) : all

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `sluice bench (${profile.name}) on Node ${process.version}, ${cpus().length} × ${cpu}, ${new Date().toISOString()}: ` +
    `${selected.length} groups, ${profile.timedRounds} rounds of ${profile.sliceNs / 1e6} ms per timed subject, at least ${profile.rounds} rounds a measured row\n`,
)
const reports: GroupReport[] = []
for (const group of selected) {
  const started = performance.now()
  // A measured group (cold start, memory, throughput) measures itself, in its own way, only once selected.
  const report =
    'measured' in group
      ? groupReport(group.name, group.unit, await group.measured(profile), group.targets)
      : groupReport(group.name, 'ops/s', await timeRounds(group, profile), group.targets)
  reports.push(report)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.error(`  measured ${group.name} in ${seconds} s`)
}
console.log()
printTable(reports.flatMap((report) => report.cells))

console.log(
  '\nmedian = median of the rounds; spread = interquartile range of the rounds ÷ median. "sluice vs this" = the' +
    ' per-round ratio, above 1 when sluice is better (sluice ÷ this for a throughput, this ÷ sluice for a time or' +
    ' a size), median (interquartile range). A row is settled when that range is narrower than its distance' +
    ' from the target; only settled rows are met or MISSED.',
)
for (const group of selected) if (group.note) console.log(`- ${group.name}: ${group.note}`)

const rows: BenchRow[] = reports.flatMap((report) => report.rows)
const { checked, met, missed, unsettled, checkFails } = tally(rows)
console.log(
  `\ntargets: ${met.length} met, ${missed.length} missed, ${unsettled.length} unsettled (of ${checked.length})`,
)
for (const row of [...missed, ...unsettled]) {
  console.log(
    `  ${row.verdict === 'missed' ? 'MISSED' : 'unsettled'}: ${row.group} vs ${row.subject} (${row.target})`,
  )
}

if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`)
  console.log(`\nwrote ${rows.length} rows to ${values.json}`)
}
if (values.check && checkFails) process.exitCode = 1
