import { createHash } from 'node:crypto'
import { createClock } from '@sluice/testing'
import { describe, expect, it } from 'vitest'
import type { InvocationResult } from '../invocation.ts'
import { buildReport } from '../report.ts'
import type { SqsSourceOptions } from './sqs-options.ts'
import { SQS_EVENT_MAX_BYTES } from './sqs-poller.ts'
import type { SqsEventRecord } from './sqs-record.ts'
import { sqsSource } from './sqs-source.ts'

type Batch = readonly SqsEventRecord[]

/** An in-process function: records each batch, answers with what `handle` returns, an error when it throws. */
function recorder(handle: (records: Batch) => unknown = () => null) {
  const batches: Batch[] = []
  let inFlight = 0
  let peak = 0
  let count = 0
  const invoke = async (event: unknown): Promise<InvocationResult> => {
    const records = (event as { Records: Batch }).Records
    batches.push(records)
    const requestId = `req-${++count}`
    const base = {
      requestId,
      report: buildReport({
        requestId,
        durationMs: 1,
        memorySizeMb: 128,
        maxMemoryUsedMb: 1,
        status: 'success',
      }),
      logs: [],
      containerId: 'c-1',
      coldStart: false,
      concurrency: 1,
    }
    peak = Math.max(peak, ++inFlight)
    try {
      return { ...base, result: await handle(records) }
    } catch (error) {
      return { ...base, error: { errorType: 'Error', errorMessage: String(error), trace: [] } }
    } finally {
      inFlight--
    }
  }
  return { invoke, batches, peak: () => peak }
}

const source = (target: ReturnType<typeof recorder>, options: Partial<SqsSourceOptions> = {}) =>
  sqsSource({ function: target, timeScale: 1000, ...options })
const bodies = (batches: readonly Batch[]) => batches.flatMap((batch) => batch.map((record) => record.body))
const states = (fate: { steps: readonly { state: string }[] } | undefined) =>
  fate?.steps.map((step) => step.state)
const failing = (ids: readonly string[]) => ({
  batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })),
})

describe('sqsSource (standard queue)', () => {
  it('builds records as AWS does', async () => {
    const target = recorder()
    await using queue = source(target, { name: 'orders', region: 'eu-west-1' })
    const [id] = await queue.send({
      body: 'hello',
      messageAttributes: { tenant: { dataType: 'String', stringValue: 'acme' } },
    })
    await queue.quiet({ timeoutMs: 10_000 })
    const record = target.batches[0]![0]!
    expect(record).toMatchObject({
      messageId: id,
      receiptHandle: expect.stringMatching(/^AQEB/),
      body: 'hello',
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: expect.stringMatching(/^\d{13}$/) },
      messageAttributes: {
        tenant: { stringValue: 'acme', stringListValues: [], binaryListValues: [], dataType: 'String' },
      },
      md5OfBody: createHash('md5').update('hello').digest('hex'),
      md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:orders',
      awsRegion: 'eu-west-1',
    })
    expect(record.attributes.MessageGroupId).toBeUndefined()
  })

  it('cuts batches at 6 MB of event JSON as well as at batchSize', async () => {
    const target = recorder()
    await using queue = source(target)
    await queue.send(Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(900_000, 'x')))
    await queue.quiet({ timeoutMs: 10_000 })
    expect(target.batches.map((batch) => batch.length)).toEqual([6, 4])
    for (const batch of target.batches)
      expect(Buffer.byteLength(JSON.stringify({ Records: batch }))).toBeLessThanOrEqual(SQS_EVENT_MAX_BYTES)
  })

  it('brings the whole batch back after the visibility timeout on a function error', async () => {
    let calls = 0
    const target = recorder(() => {
      if (++calls === 1) throw new Error('boom')
    })
    await using queue = source(target)
    const ids = await queue.send(['a', 'b'])
    await queue.quiet({ timeoutMs: 10_000 })
    // each comes back when its own visibility timeout ends: the first batch was together, the second need not be
    expect(target.batches[0]?.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '1'])
    expect(
      target.batches
        .slice(1)
        .flat()
        .map((record) => record.attributes.ApproximateReceiveCount),
    ).toEqual(['2', '2'])
    const fate = queue.fates().find((each) => each.id === ids[0])
    expect(states(fate)).toEqual(['queued', 'in-flight', 'redelivered', 'in-flight', 'processed'])
    expect(fate?.steps[2]?.reason).toContain('function error Error: Error: boom')
  })

  it('moves a message that keeps failing to the DLQ after maxReceiveCount receives', async () => {
    const target = recorder((records) => failing(records.map((record) => record.messageId)))
    await using queue = source(target, {
      maxReceiveCount: 3,
      functionResponseTypes: ['ReportBatchItemFailures'],
    })
    const [id] = await queue.send({
      body: 'poison',
      messageAttributes: { n: { dataType: 'Number', stringValue: '1' } },
    })
    await queue.quiet({ timeoutMs: 10_000 })
    expect(target.batches).toHaveLength(3)
    expect(queue.outputs().dlq).toEqual([
      expect.objectContaining({
        messageId: id,
        body: 'poison',
        receiveCount: 3,
        messageAttributes: { n: { dataType: 'Number', stringValue: '1' } },
      }),
    ])
    expect(queue.fates()[0]).toMatchObject({ state: 'dlq', receiveCount: 3 })
    expect(queue.fates()[0]?.steps.at(-1)?.reason).toBe('maxReceiveCount 3')
  })

  it('without a redrive policy keeps delivering a failing message until its retention period drops it', async () => {
    const target = recorder(() => {
      throw new Error('always')
    })
    await using queue = source(target, { visibilityTimeout: 25, messageRetentionPeriod: 60, timeScale: 100 })
    await queue.send('old')
    await queue.quiet({ timeoutMs: 10_000 })
    // received at 0, 25 and 50 s (later on a busy machine: the function's run time is not scaled), gone at 60 s
    expect(queue.fates()[0]?.state).toBe('dropped-by-age')
    expect(queue.fates()[0]?.receiveCount).toBeGreaterThanOrEqual(2)
    expect(queue.outputs().dlq).toEqual([])
  })

  it('deletes the batch on any response without ReportBatchItemFailures', async () => {
    const target = recorder((records) => failing([records[0]!.messageId]))
    await using queue = source(target)
    await queue.send(['a', 'b'])
    await queue.quiet({ timeoutMs: 10_000 })
    expect(queue.fates().map((fate) => [fate.state, fate.receiveCount])).toEqual([
      ['processed', 1],
      ['processed', 1],
    ])
  })

  it('gathers messages for the batching window before invoking with fewer than batchSize', async () => {
    const target = recorder()
    await using queue = source(target, { batchSize: 50, maximumBatchingWindowInSeconds: 60 })
    await queue.send(Array.from({ length: 25 }, (_, i) => `first-${i}`))
    await queue.send(Array.from({ length: 5 }, (_, i) => `second-${i}`))
    await queue.quiet({ timeoutMs: 10_000 })
    expect(target.batches.map((batch) => batch.length)).toEqual([30])
  })

  it('does not wait for the batching window once the messages fill 6 MB', async () => {
    const target = recorder()
    await using queue = source(target, { batchSize: 100, maximumBatchingWindowInSeconds: 300, timeScale: 1 })
    const batched = new Promise<void>((resolve) =>
      queue.onActivity((activity) => activity.kind === 'batch' && resolve()),
    )
    await queue.send(Array.from({ length: 7 }, (_, i) => `${i}`.padEnd(900_000, 'x')))
    await batched // the seventh waits for the window (5 real minutes here): the test ends before it
    expect(target.batches.map((batch) => batch.length)).toEqual([6])
  })

  it('keeps at most maximumConcurrency batches in flight', async () => {
    const target = recorder(() => new Promise((resolve) => setTimeout(resolve, 5)))
    await using queue = source(target, { batchSize: 1, maximumConcurrency: 3, visibilityTimeout: 43_200 })
    await queue.send(Array.from({ length: 20 }, (_, i) => `m-${i}`))
    await queue.quiet({ timeoutMs: 10_000 })
    expect(target.peak()).toBe(3)
    expect(target.batches).toHaveLength(20)
  })

  it('delivers a received message once more in another batch with duplicateDelivery', async () => {
    const target = recorder()
    await using queue = source(target, { duplicateDelivery: 1, seed: 7 })
    const ids = await queue.send(['a', 'b', 'c'])
    await queue.quiet({ timeoutMs: 10_000 })
    expect(bodies(target.batches).sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'c'])
    for (const batch of target.batches)
      expect(new Set(batch.map((record) => record.messageId)).size).toBe(batch.length)
    expect(queue.fates().map((fate) => [fate.id, fate.state, fate.receiveCount])).toEqual(
      ids.map((id) => [id, 'processed', 1]),
    )
  })

  it('rejects bad input with a typed error and enqueues nothing; rejects everything once stopped', async () => {
    const target = recorder()
    const queue = source(target)
    await expect(queue.send(['fine', { body: '' }])).rejects.toMatchObject({
      code: 'EVENT_SOURCE_INVALID_MESSAGE',
    })
    await expect(queue.send('x'.repeat(1_048_577))).rejects.toMatchObject({
      code: 'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
    })
    expect(queue.fates()).toEqual([])
    await queue.stop()
    await expect(queue.send('late')).rejects.toMatchObject({ code: 'EVENT_SOURCE_STOPPED' })
  })
})

describe('sqsSource (FIFO queue)', () => {
  const fifo = {
    fifo: true,
    contentBasedDeduplication: true,
    functionResponseTypes: ['ReportBatchItemFailures'] as const,
  }

  it('gives nothing more of a group while a batch of it is in flight; other groups flow', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const target = recorder((records) => (records[0]?.body === 'a0' ? held : null))
    await using queue = source(target, {
      ...fifo,
      batchSize: 1,
      maximumConcurrency: 3,
      visibilityTimeout: 43_200,
    })
    const send = (group: string, n: number) => ({ body: `${group}${n}`, messageGroupId: group })
    await queue.send([send('a', 0), send('a', 1), send('b', 0), send('a', 2), send('b', 1), send('b', 2)])
    // the three b messages end while a0 is still held
    await new Promise<void>((resolve) => {
      const stop = queue.onActivity(() => {
        if (queue.fates().filter((fate) => fate.state === 'processed').length < 3) return
        stop()
        resolve()
      })
    })
    expect(bodies(target.batches)).toEqual(['a0', 'b0', 'b1', 'b2'])
    release()
    await queue.quiet({ timeoutMs: 10_000 })
    expect(bodies(target.batches).filter((body) => body.startsWith('a'))).toEqual(['a0', 'a1', 'a2'])
  })

  it('deletes later messages of a failed group the response did not name, and says why in their fate', async () => {
    let calls = 0
    const target = recorder((records) => (++calls === 1 ? failing([records[0]!.messageId]) : null))
    await using queue = source(target, fifo)
    const ids = await queue.send(['m0', 'm1', 'm2'].map((body) => ({ body, messageGroupId: 'g' })))
    await queue.quiet({ timeoutMs: 10_000 })
    expect(target.batches.map((batch) => batch.map((record) => record.body))).toEqual([
      ['m0', 'm1', 'm2'],
      ['m0'],
    ])
    const later = queue.fates().find((fate) => fate.id === ids[1])
    expect(later?.steps.at(-1)).toMatchObject({
      state: 'processed',
      reason: expect.stringContaining(`deleted although ${ids[0]}`),
    })
  })

  it('accepts a repeated deduplication id within 5 minutes without delivering it again', async () => {
    const target = recorder()
    const clock = createClock(0)
    await using queue = source(target, { ...fifo, timeScale: 1, clock })
    const message = { body: 'once', messageGroupId: 'g', messageDeduplicationId: 'd-1' }
    const [first] = await queue.send(message)
    await clock.advance(299_000)
    expect(await queue.send(message)).toEqual([first])
    await clock.advance(2_000)
    const [later] = await queue.send(message)
    await queue.quiet({ timeoutMs: 10_000 })
    expect(later).not.toBe(first)
    expect(bodies(target.batches)).toEqual(['once', 'once'])
    expect(target.batches.flat().map((record) => record.attributes.SequenceNumber)).toEqual([
      expect.stringMatching(/^\d{20}$/),
      expect.stringMatching(/^\d{20}$/),
    ])
  })
})
