import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runNode } from './run-node.ts'
import { traceHeader, useTracingServers } from './servers.ts'
import type { SegmentDocument } from './xray-daemon.ts'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/tracer/${name}`, import.meta.url))

/** Every document in the tree, depth first. */
const flatten = (docs: readonly SegmentDocument[]): SegmentDocument[] =>
  docs.flatMap((doc) => [doc, ...flatten(doc.subsegments ?? [])])

const servers = useTracingServers()

const lambdaEnv = () => ({
  LAMBDA_TASK_ROOT: fileURLToPath(new URL('../fixtures/tracer/', import.meta.url)),
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: 'orders',
  AWS_REGION: 'us-east-1',
  _HANDLER: 'index.handler',
  AWS_XRAY_DAEMON_ADDRESS: servers.daemon.address,
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  DDB_ENDPOINT: servers.dynamodb.endpoint,
})

describe('tracing on the Powertools tracer, segments decoded from the X-Ray daemon socket', {
  timeout: 60_000,
}, () => {
  test('an invocation whose error another onError answered does not become the parent of the next one', async () => {
    const swallowed = traceHeader()
    const next = traceHeader()
    const invocations = [
      { traceHeader: swallowed.header, event: { records: [], swallow: true } },
      { traceHeader: next.header, event: { records: [] } },
    ]
    await runNode(fixture('traced-handler.ts'), { ...lambdaEnv(), INVOCATIONS: JSON.stringify(invocations) })
    await servers.daemon.drain()
    const handlers = servers.daemon.documents.filter(
      (doc) => doc.trace_id === swallowed.root || doc.trace_id === next.root,
    )
    expect(handlers.map((doc) => [doc.name, doc.trace_id, doc.parent_id])).toEqual([
      ['## index.handler', swallowed.root, swallowed.parent],
      ['## index.handler', next.root, next.parent],
    ])
  })

  test('annotations, response and error metadata, a subsegment per record with the SDK call under it', async () => {
    const first = traceHeader()
    const second = traceHeader()
    const third = traceHeader()
    const invocations = [
      { traceHeader: first.header, event: { records: ['a', 'b'] } },
      { traceHeader: second.header, event: { records: ['c'], fail: true } },
      { traceHeader: third.header, event: { records: [], padding: 5000 } },
    ]
    const stdout = await runNode(fixture('traced-handler.ts'), {
      ...lambdaEnv(),
      INVOCATIONS: JSON.stringify(invocations),
    })
    await servers.daemon.drain()
    const roots = new Set([first.root, second.root, third.root])
    const all = flatten(servers.daemon.documents).filter((doc) => roots.has(doc.trace_id))
    const handlers = all.filter((doc) => doc.name === '## index.handler')
    expect(handlers.map((doc) => doc.trace_id)).toEqual([first.root, second.root, third.root])

    const [cold, failed, large] = handlers as [SegmentDocument, SegmentDocument, SegmentDocument]
    // Attached to the Lambda function segment Lambda created (the Parent in the trace header).
    expect(cold).toMatchObject({ type: 'subsegment', parent_id: first.parent })
    expect(cold.annotations).toEqual({ ColdStart: true, Service: 'orders' })
    expect(failed.annotations).toEqual({ ColdStart: false, Service: 'orders' })
    expect(cold.metadata).toEqual({ orders: { 'index.handler response': { processed: 2, padding: '' } } })

    // One subsegment per record under the handler's, each holding the DynamoDB call made inside it. In Lambda
    // the SDK streams every closed subsegment as its own document, linked by parent_id.
    const records = all.filter((doc) => doc.name.startsWith('record '))
    expect(records.map((doc) => [doc.name, doc.trace_id, doc.parent_id])).toEqual([
      ['record a', first.root, cold.id],
      ['record b', first.root, cold.id],
      ['record c', second.root, failed.id],
    ])
    for (const record of records) {
      const calls = all.filter((doc) => doc.parent_id === record.id)
      expect(calls).toEqual([
        expect.objectContaining({ name: 'DynamoDB', namespace: 'aws', trace_id: record.trace_id }),
      ])
      expect(calls[0]?.aws).toMatchObject({ operation: 'ListTables', region: 'us-east-1' })
    }
    expect(servers.dynamodb.requests).toHaveLength(3)

    // The error is recorded on the handler subsegment; the response is not.
    expect(failed.fault).toBe(true)
    expect(failed.cause?.exceptions?.[0]).toMatchObject({ message: 'payment failed', type: 'Error' })
    expect(failed.metadata).toBeUndefined()

    // A response over maxMetadataBytes (1024 here) is recorded truncated, not dropped with the segment.
    const response = large.metadata?.orders?.['index.handler response'] as {
      truncated: boolean
      bytes: number
    }
    expect(response).toMatchObject({ truncated: true, bytes: 5000 + '{"processed":0,"padding":""}'.length })
    expect(JSON.stringify(large).length).toBeLessThan(4096)

    // The trace id reaches the logger: each log line carries its invocation's trace.
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; id: string; traceId: string })
    expect(lines.filter((line) => line.msg === 'record').map((line) => [line.id, line.traceId])).toEqual([
      ['a', first.root],
      ['b', first.root],
      ['c', second.root],
    ])
  })
})

describe('cold start cost: the Powertools tracer is loaded only when tracing is on', {
  timeout: 60_000,
}, () => {
  const loaded = async (env: Record<string, string>) =>
    JSON.parse(await runNode(fixture('loaded-modules.ts'), env)) as { result: boolean; loaded: string[] }

  test('outside Lambda: neither @aws-lambda-powertools/tracer nor the X-Ray SDK is resolved', async () => {
    const { result, loaded: modules } = await loaded({})
    expect(result).toBe(true)
    expect(modules).toEqual([])
  })

  test('POWERTOOLS_TRACE_ENABLED=false in Lambda: not loaded either', async () => {
    const { loaded: modules } = await loaded({ ...lambdaEnv(), POWERTOOLS_TRACE_ENABLED: 'false' })
    expect(modules).toEqual([])
  })

  test('control: in Lambda with tracing on, the same probe sees both loaded', async () => {
    const { loaded: modules } = await loaded({ ...lambdaEnv(), _X_AMZN_TRACE_ID: traceHeader().header })
    expect(modules.some((url) => url.includes('@aws-lambda-powertools/tracer/'))).toBe(true)
    expect(modules.some((url) => url.includes('aws-xray-sdk-core/'))).toBe(true)
  })
})
