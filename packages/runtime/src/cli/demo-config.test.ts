import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findDemos } from './demo-config.ts'

let examples: string
beforeEach(async () => {
  examples = await mkdtemp(join(tmpdir(), 'sluice-demo-config-'))
})
afterEach(async () => {
  await rm(examples, { recursive: true, force: true })
})

/** Writes `examples/app/demo.json` with `runs` and reads the demos back. */
async function demos(...runs: unknown[]) {
  await mkdir(join(examples, 'app'))
  await writeFile(join(examples, 'app', 'demo.json'), JSON.stringify({ runs }))
  return findDemos(examples)
}

const devRun = {
  title: 'a poison message',
  dev: 'sluice.config.ts',
  send: { orders: 'poison-messages.json' },
  expect: { processed: 4, dlq: 1 },
}

describe('findDemos', () => {
  it('reads a run with "handler" as an invoke run and one with "dev" as a dev run, with their defaults', async () => {
    const [app] = await demos({ handler: 'handler.ts#handler' }, devRun)
    expect(app?.runs).toEqual([
      expect.objectContaining({ kind: 'invoke', handler: 'handler.ts#handler', count: 1, expect: 'success' }),
      {
        kind: 'dev',
        title: 'a poison message',
        dev: 'sluice.config.ts',
        timeScale: 100,
        warm: {},
        send: { orders: 'poison-messages.json' },
        expect: { processed: 4, dlq: 1 },
      },
    ])
  })

  it.each([
    [{ ...devRun, dev: '' }, /"dev" must name a config file/],
    [{ ...devRun, timeScale: 0 }, /"timeScale" must be a positive number/],
    [{ ...devRun, timeScale: '100' }, /field "timeScale" must be a number/],
    [{ ...devRun, send: {} }, /"send" must name at least one source/],
    [{ ...devRun, send: { orders: ['a'] } }, /"send" must be an object of strings/],
    [{ ...devRun, warm: 'orders' }, /"warm" must be an object of strings/],
    [{ ...devRun, expect: 'success' }, /"expect" must count messages by end state/],
    [{ ...devRun, expect: { queued: 1 } }, /"expect" must count messages by end state/],
    [{ ...devRun, expect: { dlq: -1 } }, /"expect" must count messages by end state/],
    [{ ...devRun, handler: 'handler.ts#handler' }, /field "handler" is not for a dev run/],
  ])('refuses a dev run with a bad field: %j', async (run, message) => {
    const error = await demos(run).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'RUNTIME_INVALID_OPTION', message })
    expect(String(Reflect.get(Object(error), 'message'))).toMatch(
      /^examples\/app\/demo\.json .* \(run app#1\)$/,
    )
  })
})
