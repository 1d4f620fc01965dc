import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoCommand } from './demo-command.ts'
import type { CliIo } from './io.ts'

// A dev run end to end, in process: a real config file, a real handler under the real aws-lambda-ric.
const HANDLER = `export const handler = async (event) => ({
  batchItemFailures: event.Records.filter((record) => record.body.includes('poison')).map((record) => ({
    itemIdentifier: record.messageId,
  })),
})
`
const CONFIG = `export default {
  functions: {
    orders: {
      handler: 'orders.mjs#handler',
      events: [{ sqs: { queue: 'orders', functionResponseTypes: ['ReportBatchItemFailures'] } }],
    },
  },
  queues: { orders: { maxReceiveCount: 2, visibilityTimeout: 600 } },
}
`

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sluice-demo-dev-'))
  await mkdir(join(root, 'examples', 'app'), { recursive: true })
  await writeFile(join(root, 'examples', 'app', 'orders.mjs'), HANDLER)
  await writeFile(join(root, 'examples', 'app', 'sluice.config.mjs'), CONFIG)
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Runs `sluice demo` in `root` with one dev run expecting `expected`; returns its exit code and output. */
async function demo(expected: Record<string, number>) {
  const run = {
    title: 'a poison message',
    dev: 'sluice.config.mjs',
    timeScale: 200,
    warm: { orders: '{"Records":[]}' },
    send: { orders: '["good 1", "poison", "good 2"]' },
    expect: expected,
  }
  await writeFile(join(root, 'examples', 'app', 'demo.json'), JSON.stringify(run))
  let output = ''
  const io: CliIo = {
    stdout: { write: (text: string) => (output += text) },
    stderr: { write: (text: string) => (output += text) },
    stdin: (async function* () {})(),
    cwd: root,
    env: {},
  }
  return { code: await demoCommand([], io), output }
}

describe('sluice demo, a run through a sluice.config', () => {
  it('prints the dev lines and the fates, and passes when the messages end as expected', async () => {
    const { code, output } = await demo({ processed: 2, dlq: 1 })
    expect(output).toMatch(/^\[orders\] batch 3 → partial, 1 failed$/m)
    expect(output).toMatch(/^\[orders\] \S+ → dlq after 2 receives \(maxReceiveCount 2\)$/m)
    expect(output).toContain('  orders: 3 message(s): 2 processed, 1 dlq (receive count 2)\n')
    expect(output).toContain('all demo runs behaved as expected')
    expect(code).toBe(0)
    // no state file, nothing else left in the example's folder
    expect((await readdir(join(root, 'examples', 'app'))).sort()).toEqual([
      'demo.json',
      'orders.mjs',
      'sluice.config.mjs',
    ])
  }, 60_000)

  it('fails the demo, saying what it expected and got, when they do not', async () => {
    const { code, output } = await demo({ processed: 3 })
    expect(output).toContain(
      '  expected the messages to end as 3 processed; they ended as 2 processed, 1 dlq',
    )
    expect(code).toBe(1)
  }, 60_000)
})
