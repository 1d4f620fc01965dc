import { describe, expect, it } from 'vitest'
import type { Fate, FateState } from '../event-sources/source-types.ts'
import { createLiveView, liveTable } from './dev-live-view.ts'
import { createStyle } from './style.ts'

function out(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, written, write: (text: string) => written.push(text) }
}

const fate = (id: string, state: FateState): Fate => ({
  source: 'orders',
  id,
  receiveCount: 1,
  state,
  steps: [],
})
const source = {
  name: 'orders',
  kind: 'sqs',
  fates: () => [
    fate('a', 'processed'),
    fate('b', 'processed'),
    fate('c', 'dlq'),
    fate('d', 'redelivered'),
    fate('e', 'in-flight'),
  ],
}

describe('liveTable', () => {
  it('counts each source’s messages by where they stand', () => {
    const table = liveTable([source], createStyle(false, {}))
    expect(table).toContain(
      '│ source │ kind │ queued │ in flight │ waiting │ processed │ dlq/destination │ dropped │',
    )
    expect(table).toMatch(/│ orders │ sqs +│ 0 +│ 1 +│ 1 +│ 2 +│ 1 +│ 0 +│/)
  })
})

describe('createLiveView', () => {
  it('piped: prints the lines and nothing else, no escape codes', () => {
    const stream = out(false)
    const view = createLiveView(stream, () => 'TABLE')
    view.print(['one', 'two'])
    view.refresh()
    view.stop()
    expect(stream.written.join('')).toBe('one\ntwo\n')
  })

  it('on a terminal: keeps the table below the lines, erasing it before each print', () => {
    const stream = out(true)
    const view = createLiveView(stream, () => 'T1\nT2')
    view.print(['one'])
    view.print(['two'])
    view.stop()
    expect(stream.written).toEqual([
      'one\nT1\nT2\n',
      '\r\u001b[2A\u001b[Jtwo\nT1\nT2\n',
      '\r\u001b[2A\u001b[JT1\nT2\n',
    ])
  })
})
