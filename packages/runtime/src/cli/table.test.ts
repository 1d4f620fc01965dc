import { describe, expect, it } from 'vitest'
import { renderProgressBar } from './progress-bar.ts'
import { renderTable } from './table.ts'

describe('renderTable', () => {
  it('aligns columns, ignoring colour codes, with a rule under the header', () => {
    expect(
      renderTable(
        [
          ['metric', 'value'],
          ['p50', '\u001b[32m2 ms\u001b[39m'],
        ],
        { header: true },
      ),
    ).toBe(
      [
        '┌────────┬───────┐',
        '│ metric │ value │',
        '├────────┼───────┤',
        '│ p50    │ \u001b[32m2 ms\u001b[39m  │',
        '└────────┴───────┘',
      ].join('\n'),
    )
  })
})

describe('renderProgressBar', () => {
  it('fills in proportion and mentions failures', () => {
    expect(renderProgressBar({ done: 1, total: 4, failed: 0, width: 8 })).toBe('[██░░░░░░] 1/4')
    expect(renderProgressBar({ done: 4, total: 4, failed: 2, width: 4 })).toBe('[████] 4/4  2 failed')
  })

  it('stays within its width for counts outside 0..total', () => {
    expect(renderProgressBar({ done: 5, total: 4, failed: 0, width: 4 })).toBe('[████] 5/4')
    expect(renderProgressBar({ done: -1, total: 4, failed: 0, width: 4 })).toBe('[░░░░] -1/4')
    expect(renderProgressBar({ done: 0, total: 0, failed: 0, width: 4 })).toBe('[████] 0/0')
  })
})
