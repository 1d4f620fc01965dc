import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { events } from '@sluice/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const handlerPath = fileURLToPath(new URL('../fixtures/batch/handler.ts', import.meta.url))

interface Response {
  batchItemFailures: Array<{ itemIdentifier: string }>
}

/** Ten records of 300 ms, one at a time: 3 s of work for a 1 s function. */
const slowBatch = () => events.sqs({ records: 10 })

const doneIn = (logs: ReadonlyArray<string>) =>
  logs.flatMap((line) => {
    const match = /done (\S+)/.exec(line)
    return match?.[1] === undefined ? [] : [match[1]]
  })

describe.each([
  ['processBatch in the handler, records honouring their signal', 'handler'],
  ['the batch() middleware, records ignoring their signal', 'middleware'],
])('@sluice/batch end to end in the local Lambda runtime (real aws-lambda-ric): %s', (_name, exportName) => {
  let runtime: Runtime
  beforeAll(async () => {
    runtime = await startRuntime({ handler: `${handlerPath}#${exportName}`, timeoutMs: 1_000 })
  })
  afterAll(async () => {
    await runtime?.stop()
  })

  test('responds before the 1 s timeout and reports exactly the records it did not complete', async () => {
    const event = slowBatch()
    const { result, error, report, logs } = await runtime.invoke(event)
    expect(error).toBeUndefined()
    expect(report.status).toBe('success')
    expect(report.durationMs).toBeLessThan(1_000)
    const done = doneIn(logs)
    // 500 ms margin on 1 s: at least one record fits, most do not
    expect(done.length).toBeGreaterThanOrEqual(1)
    expect(done.length).toBeLessThan(10)
    const all = event.Records.map((r) => r.messageId)
    const reported = (result as Response).batchItemFailures.map((f) => f.itemIdentifier)
    expect(reported.sort()).toEqual(all.filter((id) => !done.includes(id)).sort())
  })

  test('the next (warm) invocation gets its own deadline and reports its own records', async () => {
    const event = slowBatch()
    const { result, report, coldStart } = await runtime.invoke(event)
    expect(coldStart).toBe(false)
    expect(report.status).toBe('success')
    const reported = (result as Response).batchItemFailures.map((f) => f.itemIdentifier)
    expect(reported.length).toBeGreaterThan(0)
    expect(reported.every((id) => event.Records.some((r) => r.messageId === id))).toBe(true)
  })
})

test('control: the same batch in a plain loop is killed at 1 s, and Lambda redelivers every record', async () => {
  await using bare = await startRuntime({ handler: `${handlerPath}#unguarded`, timeoutMs: 1_000 })
  const { result, error, report, logs } = await bare.invoke(slowBatch())
  expect(result).toBeUndefined()
  expect(error?.errorType).toBe('Sandbox.Timedout')
  expect(report.status).toBe('timeout')
  expect(doneIn(logs).length).toBeGreaterThan(0) // records were done, and will run again all the same
})
