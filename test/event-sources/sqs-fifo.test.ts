import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sqsSchema } from '@sluice/events'
import { sqsSource, startRuntime } from '@sluice/runtime'
import { afterEach, describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/event-sources/sqs-fifo-recorder.mjs#handler'
let dir: string | undefined

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('SQS FIFO source through the local Lambda runtime', () => {
  it('keeps order within each group while the group with a failed message waits and the others finish', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-sqs-fifo-'))
    const logFile = join(dir, 'processed.jsonl')
    writeFileSync(logFile, '')
    await using runtime = await startRuntime({ handler, cwd, concurrency: 2, env: { SQS_LOG_FILE: logFile } })
    const events: unknown[] = []
    await using queue = sqsSource({
      function: { invoke: (event, options) => runtime.invoke(events.push(event) && event, options) },
      name: 'orders.fifo',
      fifo: true,
      contentBasedDeduplication: true,
      functionResponseTypes: ['ReportBatchItemFailures'],
      // 300 Lambda seconds of visibility pass in 3 real seconds: far longer than a batch of this handler takes
      visibilityTimeout: 300,
      timeScale: 100,
    })
    const groups = ['a', 'b', 'c']
    const messages = Array.from({ length: 8 }, (_, seq) =>
      groups.map((group) => ({
        body: { group, seq, ...(group === 'a' && seq === 3 ? { failTimes: 2 } : {}) },
        messageGroupId: group,
      })),
    ).flat()
    const ids = await queue.send(messages)
    await queue.quiet({ timeoutMs: 60_000 })

    const processed = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { group: string; seq: number })
    for (const group of groups)
      expect(processed.filter((line) => line.group === group).map((line) => line.seq)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7,
      ])
    // b and c were done before a's failed message got through on its third receive
    const a3 = processed.findIndex((line) => line.group === 'a' && line.seq === 3)
    const lastOfOthers = Math.max(...processed.flatMap((line, index) => (line.group === 'a' ? [] : [index])))
    expect(lastOfOthers).toBeLessThan(a3)

    const fates = queue.fates()
    expect(fates.every((fate) => fate.state === 'processed')).toBe(true)
    expect(fates.find((fate) => fate.id === ids[3 * 3])?.receiveCount).toBe(3) // a, seq 3
    expect(fates.filter((fate) => fate.receiveCount > 1).length).toBeGreaterThanOrEqual(1)
    expect(queue.outputs().dlq).toEqual([])
    for (const event of events) {
      const parsed = sqsSchema.parse(event)
      expect(parsed.Records.length).toBeLessThanOrEqual(10)
      for (const record of parsed.Records) expect(record.attributes.SequenceNumber).toMatch(/^\d{20}$/)
    }
  })
})
