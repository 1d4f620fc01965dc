import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LambdaErrorBody } from './platform-errors.ts'
import { type InvocationRequest, RuntimeApiServer } from './runtime-api-server.ts'
import { STREAM_LIMITS, type StreamLimits } from './stream-limits.ts'

const servers: RuntimeApiServer[] = []
const events = { next: 0, delivered: [] as string[], initErrors: [] as LambdaErrorBody[] }

async function listen(limits: StreamLimits = STREAM_LIMITS): Promise<string> {
  const api = await RuntimeApiServer.listen(
    0,
    {
      onNext: () => {
        events.next += 1
      },
      onDelivered: (requestId) => events.delivered.push(requestId),
      onInitError: (error) => events.initErrors.push(error),
    },
    limits,
  )
  servers.push(api)
  return `http://${api.runtimeApi}/2018-06-01/runtime`
}

const request: InvocationRequest = {
  requestId: 'req-1',
  payload: '{"a":1}',
  timeoutMs: 3000,
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  traceId: 'Root=1-00000000-000000000000000000000000',
  clientContext: '{"custom":{"k":"v"}}',
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((api) => api.close()))
  Object.assign(events, { next: 0, delivered: [], initErrors: [] })
})

describe('RuntimeApiServer', () => {
  it("hands the event to the next poll with Lambda's headers and resolves with the posted response", async () => {
    const base = await listen()
    const api = servers[0]
    const outcome = api?.deliver(request)
    const before = Date.now()
    const next = await fetch(`${base}/invocation/next`)
    expect(next.status).toBe(200)
    expect(next.headers.get('content-type')).toBe('application/json')
    expect(next.headers.get('lambda-runtime-aws-request-id')).toBe('req-1')
    expect(Number(next.headers.get('lambda-runtime-deadline-ms'))).toBeGreaterThanOrEqual(before + 3000)
    expect(next.headers.get('lambda-runtime-invoked-function-arn')).toBe(request.functionArn)
    expect(next.headers.get('lambda-runtime-trace-id')).toBe(request.traceId)
    expect(next.headers.get('lambda-runtime-client-context')).toBe(request.clientContext)
    expect(next.headers.get('lambda-runtime-cognito-identity')).toBeNull()
    expect(await next.text()).toBe('{"a":1}')
    expect(events).toMatchObject({ next: 1, delivered: ['req-1'] })

    const posted = await fetch(`${base}/invocation/req-1/response`, { method: 'POST', body: '{"ok":true}' })
    expect(posted.status).toBe(202)
    await expect(outcome).resolves.toEqual({ kind: 'response', payload: '{"ok":true}' })
  })

  it('answers 400 to an unknown request id and reads error bodies', async () => {
    const base = await listen()
    const outcome = servers[0]?.deliver(request)
    await (await fetch(`${base}/invocation/next`)).text()
    expect((await fetch(`${base}/invocation/other/response`, { method: 'POST', body: '1' })).status).toBe(400)
    const body = JSON.stringify({ errorType: 'TypeError', errorMessage: 'boom', trace: ['TypeError: boom'] })
    expect((await fetch(`${base}/invocation/req-1/error`, { method: 'POST', body })).status).toBe(202)
    await expect(outcome).resolves.toEqual({
      kind: 'error',
      error: { errorType: 'TypeError', errorMessage: 'boom', trace: ['TypeError: boom'] },
    })
  })

  it('serves concurrent next polls and answers each invocation on its own route, in any order', async () => {
    const base = await listen()
    const api = servers[0]
    const polls = [fetch(`${base}/invocation/next`), fetch(`${base}/invocation/next`)]
    await vi.waitFor(() => expect(events.next).toBe(2))
    const first = api?.deliver(request)
    const second = api?.deliver({ ...request, requestId: 'req-2', payload: '{"a":2}' })
    const ids = await Promise.all(
      polls.map(async (poll) => (await poll).headers.get('lambda-runtime-aws-request-id')),
    )
    expect(ids.sort()).toEqual(['req-1', 'req-2'])
    expect(api?.inFlight).toBe(2)
    expect((await fetch(`${base}/invocation/req-2/response`, { method: 'POST', body: '2' })).status).toBe(202)
    await expect(second).resolves.toEqual({ kind: 'response', payload: '2' })
    expect(api?.inFlight).toBe(1)
    // A request id answers once: the second post for it is refused.
    expect((await fetch(`${base}/invocation/req-2/response`, { method: 'POST', body: '2' })).status).toBe(400)
    expect((await fetch(`${base}/invocation/req-1/response`, { method: 'POST', body: '1' })).status).toBe(202)
    await expect(first).resolves.toEqual({ kind: 'response', payload: '1' })
  })

  it('queues deliveries until a poll arrives, first in first out', async () => {
    const base = await listen()
    const api = servers[0]
    void api?.deliver(request)
    void api?.deliver({ ...request, requestId: 'req-2' })
    const first = await fetch(`${base}/invocation/next`)
    const second = await fetch(`${base}/invocation/next`)
    expect(first.headers.get('lambda-runtime-aws-request-id')).toBe('req-1')
    expect(second.headers.get('lambda-runtime-aws-request-id')).toBe('req-2')
  })

  it('passes init errors on, falling back to the Lambda-Runtime-Function-Error-Type header', async () => {
    const base = await listen()
    const response = await fetch(`${base}/init/error`, {
      method: 'POST',
      headers: { 'Lambda-Runtime-Function-Error-Type': 'Runtime.Custom' },
      body: '{"errorMessage":"no"}',
    })
    expect(response.status).toBe(202)
    expect(events.initErrors).toEqual([{ errorType: 'Runtime.Custom', errorMessage: 'no', trace: [] }])
  })

  it('refuses a port that is taken with PORT_IN_USE', async () => {
    await listen()
    const port = Number(servers[0]?.runtimeApi.split(':')[1])
    await expect(
      RuntimeApiServer.listen(port, { onNext() {}, onDelivered() {}, onInitError() {} }),
    ).rejects.toThrow(expect.objectContaining({ code: 'PORT_IN_USE' }))
  })
})

/** Posts a response the way aws-lambda-ric streams one: chunked, one write per chunk, optional error trailers. */
function postStream(
  url: string,
  writes: readonly (string | Buffer)[],
  options: { contentType?: string; trailers?: Record<string, string> } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        'Lambda-Runtime-Function-Response-Mode': 'streaming',
        'Transfer-Encoding': 'chunked',
        'Content-Type': options.contentType ?? 'application/octet-stream',
        Trailer: 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body',
      },
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    for (const write of writes) req.write(write)
    if (options.trailers !== undefined) req.addTrailers(options.trailers)
    req.end()
  })
}

describe('RuntimeApiServer, streamed responses', () => {
  it('reads the chunks as they come and makes the error trailers the invocation error', async () => {
    const base = await listen()
    const seen: string[] = []
    const outcome = servers[0]?.deliver(request, { onChunk: (data) => seen.push(data.toString()) })
    await (await fetch(`${base}/invocation/next`)).text()
    const error = { errorType: 'StockError', errorMessage: 'gone mid-stream', trace: ['StockError: gone'] }
    const status = await postStream(`${base}/invocation/req-1/response`, ['part', 'ial-'], {
      trailers: {
        'Lambda-Runtime-Function-Error-Type': 'StockError',
        'Lambda-Runtime-Function-Error-Body': Buffer.from(JSON.stringify(error)).toString('base64'),
      },
    })
    expect(status).toBe(202)
    const ended = await outcome
    expect(ended?.kind).toBe('stream')
    if (ended?.kind !== 'stream') return
    expect(Buffer.concat(ended.stream.chunks.map((chunk) => chunk.data)).toString()).toBe('partial-')
    expect(seen.join('')).toBe('partial-')
    expect(ended.stream.error).toEqual(error)
  })

  it('splits off the HTTP prelude and tells the listener before the first body chunk', async () => {
    const base = await listen()
    const calls: string[] = []
    const outcome = servers[0]?.deliver(request, {
      onPrelude: (prelude) => calls.push(`prelude ${prelude.statusCode}`),
      onChunk: (data) => calls.push(`chunk ${data.toString()}`),
    })
    await (await fetch(`${base}/invocation/next`)).text()
    const writes = ['{"statusCode":418,"cookies":["a=1"]}', Buffer.alloc(8), 'tea']
    const contentType = 'application/vnd.awslambda.http-integration-response'
    expect(await postStream(`${base}/invocation/req-1/response`, writes, { contentType })).toBe(202)
    const ended = await outcome
    expect(ended).toMatchObject({
      kind: 'stream',
      stream: { prelude: { statusCode: 418, cookies: ['a=1'] } },
    })
    expect(calls).toEqual(['prelude 418', 'chunk tea'])
  })

  it('answers 413 past maxBytes and fails with Function.ResponseSizeTooLarge, keeping what fit', async () => {
    const base = await listen({ ...STREAM_LIMITS, maxBytes: 10 })
    const outcome = servers[0]?.deliver(request)
    await (await fetch(`${base}/invocation/next`)).text()
    expect(await postStream(`${base}/invocation/req-1/response`, ['12345678', '90abcdef'])).toBe(413)
    const ended = await outcome
    if (ended?.kind !== 'stream') throw new Error(`expected a stream, got ${ended?.kind}`)
    expect(ended.stream.error).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: expect.stringMatching(/exceeded maximum allowed payload size \(10 bytes\)\.$/),
      trace: [],
    })
    expect(Buffer.concat(ended.stream.chunks.map((chunk) => chunk.data)).toString()).toBe('1234567890')
  })
})
