// `sluice invoke --async` under a pipe, through the real aws-lambda-ric: accepted at once, three attempts of an
// always-failing handler with Lambda's waits between them (shortened by --time-scale), then the destination record.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runSluice } from './process-helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const sluice = (args: readonly string[]) => runSluice(args, root)
const fails = 'test/fixtures/event-sources/async-fails.mjs#handler'

describe('sluice invoke --async', () => {
  it('prints the request id, three attempts with the retry waits, then the on-failure record, and exits 0', async () => {
    const run = await sluice([
      'invoke',
      fails,
      '--async',
      '--event',
      '{"orderId":"o-1"}',
      '--time-scale',
      '600',
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const accepted = /^202 Accepted {2}RequestId: ([0-9a-f-]{36}) {2}InvocationType: Event/.exec(
      lines[0] ?? '',
    )
    const requestId = accepted?.[1]
    expect(requestId).toBeDefined()
    expect(lines.filter((line) => line.startsWith('START RequestId: '))).toEqual(
      Array(3).fill(`START RequestId: ${requestId} Version: $LATEST`),
    )
    expect(lines.filter((line) => line.startsWith('REPORT RequestId: '))).toHaveLength(3)
    expect(
      lines.filter((line) => /^Attempt \d of 3 at \+/.test(line)).map((line) => line.slice(0, 12)),
    ).toEqual(['Attempt 1 of', 'Attempt 2 of', 'Attempt 3 of'])
    const retries = lines.filter((line) => line.startsWith('Function error Error: always fails'))
    expect(retries[0]).toMatch(/retry 1 of 2 in 60 s of Lambda time \(0\.1 s at --time-scale 600\)$/)
    expect(retries[1]).toMatch(/retry 2 of 2 in 120 s of Lambda time \(0\.2 s at --time-scale 600\)$/)
    expect(lines).toContain(
      'Outcome: destination (RetriesExhausted after 3 attempt(s); record sent to onFailure destination on-failure)',
    )
    const recordAt = lines.indexOf('On-failure destination record:')
    expect(recordAt).toBeGreaterThan(lines.findLastIndex((line) => line.startsWith('REPORT RequestId: ')))
    const record = JSON.parse(lines.slice(recordAt + 1).join('\n'))
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: { requestId, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { orderId: 'o-1' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error' },
    })
  })

  it('--json gives the attempts and the destination record, and a success ends on-success', async () => {
    const echo = 'test/fixtures/event-sources/async-echo.mjs#handler'
    const run = await sluice([
      'invoke',
      echo,
      '--async',
      '--event',
      '[1,2]',
      '--json',
      '--max-retry-attempts',
      '0',
    ])
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    expect(doc).toMatchObject({
      statusCode: 202,
      config: {
        invocationType: 'Event',
        maximumRetryAttempts: 0,
        maximumEventAgeInSeconds: 21_600,
        timeScale: 1,
      },
      attempts: [{ attempt: 1, invocation: { requestId: doc.requestId, result: { received: [1, 2] } } }],
      fate: { state: 'processed', receiveCount: 1 },
      destination: {
        place: 'onSuccess',
        record: { requestContext: { condition: 'Success' }, requestPayload: [1, 2] },
      },
    })
  })

  it('refuses an event over the 1 MB asynchronous payload cap with exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sluice-async-cli-'))
    try {
      const file = join(dir, 'big.json')
      await writeFile(file, JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }))
      const run = await sluice(['invoke', fails, '--async', '--event', file])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/an asynchronous invocation takes at most 1048576 bytes \(1 MB\)/)
      expect(run.stdout).toBe('')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
