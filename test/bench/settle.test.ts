import { describe, expect, it } from 'vitest'
import { compare, tally, verdict } from '../../bench/settle.ts'
import { summarize } from '../../bench/stats.ts'
import type { BenchRow, Verdict } from '../../bench/types.ts'

// Issue 19's point 5: a row is settled when the spread of its rounds is narrower than its distance from its
// target, and only then met or missed; `pnpm bench --check` fails on a settled miss (bench/run.ts).

describe('bench verdicts', () => {
  it('calls a row met or missed only when its interquartile range is narrower than its distance from the target', () => {
    expect(verdict({ median: 1.31, q1: 1.27, q3: 1.36 }, 1.2, 'higher')).toBe('met')
    expect(verdict({ median: 1.05, q1: 1.02, q3: 1.08 }, 1.2, 'higher')).toBe('missed')
    // the rounds straddle the target, or sit nearer to it than they spread
    expect(verdict({ median: 1.22, q1: 1.1, q3: 1.3 }, 1.2, 'higher')).toBe('unsettled')
    expect(verdict({ median: 1.33, q1: 1.26, q3: 1.35 }, 1.25, 'higher')).toBe('unsettled')
    // a cost target (overhead in ns): lower is better
    expect(verdict({ median: 290, q1: 250, q3: 320 }, 2000, 'lower')).toBe('met')
    expect(verdict({ median: 3000, q1: 2900, q3: 3100 }, 2000, 'lower')).toBe('missed')
  })

  it('takes ratios round by round, oriented so that above 1 means sluice is better', () => {
    const target = [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }] as const
    // ops/s: sluice ÷ anchor. One slow round of both subjects alike leaves each round's ratio at 2.
    const throughput = compare('ops/s', [200, 20, 210, 190], [100, 10, 105, 95], 'powertools', target)
    expect(throughput.ratio).toEqual(summarize([2, 2, 2, 2]))
    expect(throughput.verdict).toBe('met')
    // a time: anchor ÷ sluice
    const coldStart = compare('ms', [100, 110, 105], [105, 112, 108], 'powertools', target)
    expect(coldStart.ratio.median).toBeCloseTo(108 / 105)
    expect(coldStart.verdict).toBe('missed')
    // no target for this anchor: a ratio, no verdict
    expect(compare('ops/s', [2, 2], [1, 1], 'bare', target).verdict).toBeUndefined()
  })

  it('reads an overhead target as time per operation over the anchor, per round', () => {
    const target = [{ kind: 'overhead', against: 'bare', atMostNs: 2000 }] as const
    // 1 µs and 1.25 µs per op against 0.5 µs: +0.5 µs and +0.75 µs
    const row = compare('ops/s', [1e6, 8e5, 1e6], [2e6, 2e6, 2e6], 'bare', target)
    expect(row.verdict).toBe('met')
    expect(row.target).toBe('≤ +2.0 µs: +0.5 µs')
    expect(() => compare('ms', [1], [1], 'bare', target)).toThrow(TypeError)
  })

  it('fails `--check` on a settled miss only: unsettled rows and rows without a target never fail it', () => {
    const row = (subject: BenchRow['subject'], verdict?: Verdict): BenchRow => ({
      group: `g-${subject}-${verdict}`,
      subject,
      unit: 'ops/s',
      median: 1,
      rounds: [1],
      spread: 0,
      ...(verdict === undefined ? {} : { target: '≥ 1.20×', verdict }),
    })
    const clean = tally([row('sluice'), row('middy', 'met'), row('powertools', 'unsettled'), row('bare')])
    expect(clean.checked.map((r) => r.verdict)).toEqual(['met', 'unsettled'])
    expect([clean.met.length, clean.missed.length, clean.unsettled.length]).toEqual([1, 0, 1])
    expect(clean.checkFails).toBe(false)
    const failing = tally([row('middy', 'met'), row('powertools', 'missed'), row('pino', 'unsettled')])
    expect(failing.missed.map((r) => r.subject)).toEqual(['powertools'])
    expect(failing.checkFails).toBe(true)
  })
})
