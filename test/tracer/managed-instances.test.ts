import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { jsonLines, peakInFlightAtStart, startManagedInstances } from '../support/managed-instances.ts'
import { runNode } from './run-node.ts'
import { traceHeader, useTracingServers } from './servers.ts'
import type { SegmentDocument } from './xray-daemon.ts'

// Many invocations in flight in one environment (Lambda Managed Instances): each invocation's segments carry its
// own trace id, from the runtime's invoke store, and nest only under its own handler subsegment.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/tracer/${name}`, import.meta.url))

const servers = useTracingServers()

const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' }

/**
 * What one invocation sent: its handler subsegment under the function segment Lambda named (the trace header's
 * Parent), an SDK call under the handler, a record subsegment under the handler with an SDK call under it;
 * nothing of another trace in between, and the trace header each call sent downstream names its own trace.
 */
const expectOwnTree = (trace: ReturnType<typeof traceHeader>, record: string) => {
  const docs = servers.daemon.documents.filter((doc) => doc.trace_id === trace.root)
  const handler = docs.find((doc) => doc.name.startsWith('## '))
  expect(handler).toMatchObject({ parent_id: trace.parent, annotations: { Service: 'orders' } })
  const recordDoc = docs.find((doc) => doc.name === record)
  expect(recordDoc?.parent_id).toBe(handler?.id)
  const calls = docs.filter((doc) => doc.name === 'DynamoDB')
  expect(calls.map((doc) => doc.parent_id).sort()).toEqual([handler?.id, recordDoc?.id].sort())
  expect(docs).toHaveLength(4)
  const sent = servers.dynamodb.requests.filter((request) => request.traceHeader?.includes(trace.root))
  expect(sent.map((request) => request.traceHeader?.split(';')[1]).sort()).toEqual(
    calls.map((doc) => `Parent=${doc.id}`).sort(),
  )
}

describe('tracer with invocations interleaved in one process', { timeout: 60_000 }, () => {
  test('each invocation’s handler, record and SDK subsegments carry its own trace and nest under its own handler', async () => {
    const invocations = ['a', 'b', 'c'].map((name) => ({ name, trace: traceHeader() }))
    // All three in their handlers first; then each in turn makes its SDK call and opens its record subsegment,
    // c first; then they close them in another order.
    const turns = [
      ['c', 0],
      ['a', 0],
      ['b', 0],
      ['b', 1],
      ['c', 1],
      ['a', 1],
    ]
    const stdout = await runNode(fixture('interleaved.ts'), {
      ...credentials,
      LAMBDA_TASK_ROOT: fixture(''),
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_MAX_CONCURRENCY: '8',
      AWS_REGION: 'us-east-1',
      _HANDLER: 'index.handler',
      AWS_XRAY_DAEMON_ADDRESS: servers.daemon.address,
      DDB_ENDPOINT: servers.dynamodb.endpoint,
      INVOCATIONS: JSON.stringify(
        invocations.map(({ name, trace }) => ({ name, traceHeader: trace.header })),
      ),
      TURNS: JSON.stringify(turns),
    })
    await servers.daemon.drain()
    for (const { name, trace } of invocations) expectOwnTree(trace, `record ${name}`)
    const records = jsonLines(stdout.split('\n')).filter((line) => line.msg === 'record')
    expect(records.map((line) => [line.name, line.traceId])).toEqual(
      ['b', 'c', 'a'].map((name) => [name, invocations.find((i) => i.name === name)?.trace.root]),
    )
  })
})

describe('tracer under the real runtime client in Managed Instances mode', { timeout: 60_000 }, () => {
  test('invocations in flight together on each of two workers send separate trees, each with its trace', async () => {
    await using runtime = await startManagedInstances('test/fixtures/tracer/managed-instances.ts#handler', {
      ...credentials,
      AWS_XRAY_DAEMON_ADDRESS: servers.daemon.address,
      DDB_ENDPOINT: servers.dynamodb.endpoint,
    })
    const traces = Array.from({ length: 8 }, () => traceHeader())
    const sentBefore = servers.daemon.documents.length
    const results = await Promise.all(
      traces.map((trace, i) => runtime.invoke({ id: `r${i}`, ms: 300 }, { traceId: trace.header })),
    )
    await servers.daemon.drain()
    expect(results.map((result) => result.error)).toEqual(results.map(() => undefined))
    expect(runtime.containers).toHaveLength(1)
    // Overlap, not timing: some invocation started while another ran on the same worker.
    expect(peakInFlightAtStart(results)).toBeGreaterThanOrEqual(2)
    traces.forEach((trace, i) => {
      expectOwnTree(trace, `record r${i}`)
      const lines = jsonLines(results[i]?.logs ?? []).filter((line) => line.msg === 'record')
      expect(lines).toEqual([
        expect.objectContaining({ requestId: results[i]?.requestId, traceId: trace.root }),
      ])
    })
    // Nothing else was sent: every document belongs to one of the eight trees.
    const known = new Set(traces.map((trace) => trace.root))
    const sent: SegmentDocument[] = servers.daemon.documents.slice(sentBefore)
    expect(sent.filter((doc) => !known.has(doc.trace_id))).toEqual([])
    expect(sent).toHaveLength(8 * 4)
  })
})
