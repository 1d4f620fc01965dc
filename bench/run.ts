import { readdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { measure } from 'mitata'
import type { BenchGroup, BenchRow, MeasuredRow, TimedGroup } from './types.ts'

// Every bench/groups/<name>.ts exports `groups: BenchGroup[]`; core first, the rest by file name.
const files = readdirSync(new URL('./groups/', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .sort((a, b) => (a === 'core.ts' ? -1 : b === 'core.ts' ? 1 : a.localeCompare(b)))
const all: BenchGroup[] = []
for (const file of files) {
  const mod: { groups: BenchGroup[] } = await import(new URL(`./groups/${file}`, import.meta.url).href)
  all.push(...mod.groups)
}

const { values } = parseArgs({
  options: { json: { type: 'string' }, filter: { type: 'string' } },
})

const selected = values.filter ? all.filter((g) => g.name.includes(values.filter ?? '')) : all
const rows: BenchRow[] = []
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

console.log(`sluice bench on Node ${process.version} (${selected.length} groups)\n`)
const header = ['group', 'subject', 'ops/s', 'ns/op', 'sluice vs this', 'bytes', 'detail']
const lines: string[][] = []
// Subjects of a group are measured in turns (ROUNDS rounds) and each keeps its best round, so JIT warm-up and
// a busy neighbour do not favour whoever runs last.
const ROUNDS = 3
async function timed(group: TimedGroup): Promise<MeasuredRow[]> {
  const best = new Map<BenchRow['subject'], number>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const { subject, fn } of group.subjects) {
      const stats = await measure(fn, { min_cpu_time: 250e6 })
      best.set(subject, Math.min(best.get(subject) ?? Number.POSITIVE_INFINITY, stats.avg))
    }
  }
  return [...best].map(([subject, ns]) => ({ subject, opsPerSec: 1e9 / ns }))
}
for (const group of selected) {
  // A measured group (cold start) times itself, in its own way, only now that it was selected.
  const measured = 'measured' in group ? await group.measured() : await timed(group)
  const sluice = measured.find((m) => m.subject === 'sluice')
  for (const m of measured) {
    rows.push({ group: group.name, subject: m.subject, opsPerSec: m.opsPerSec })
    const ratio = sluice && m.subject !== 'sluice' ? `${(sluice.opsPerSec / m.opsPerSec).toFixed(2)}×` : ''
    const bytes = m.bytes === undefined ? '' : fmt(m.bytes)
    lines.push([
      group.name,
      m.subject,
      fmt(m.opsPerSec),
      (1e9 / m.opsPerSec).toFixed(1),
      ratio,
      bytes,
      m.detail ?? '',
    ])
  }
}
// The bytes and detail columns only when a selected group filled them.
const shown = header.map((_, i) => i < 5 || lines.some((line) => (line[i] ?? '') !== ''))

const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
const print = (cells: string[]) =>
  console.log(
    cells
      .map((c, i) => (i < 2 || i === 6 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .filter((_, i) => shown[i])
      .join('  ')
      .trimEnd(),
  )
print(header)
console.log(
  widths
    .map((w) => '-'.repeat(w))
    .filter((_, i) => shown[i])
    .join('  '),
)
let previous = ''
for (const line of lines) {
  print(line[0] === previous ? ['', ...line.slice(1)] : line)
  previous = line[0] ?? ''
}
console.log('\n"sluice vs this" = sluice ops/s ÷ this subject\'s ops/s (above 1 means sluice is faster).')
for (const group of selected) if (group.note) console.log(`- ${group.name}: ${group.note}`)

if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`)
  console.log(`\nwrote ${rows.length} rows to ${values.json}`)
}
