import type { ResponseStream } from '@sluice/core'
import type { Context } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { createClock } from './clock.ts'
import { invoke } from './invoke.ts'
import { after, hang } from './virtual-time.ts'

/** What `awslambda.streamifyResponse()` does to a handler, written out: no sluice package involved. */
const streamifyResponse = <$Event>(
  handler: (event: $Event, stream: ResponseStream, context: Context) => Promise<unknown>,
) => Object.assign(handler, { [Symbol.for('aws.lambda.runtime.handler.streaming')]: 'response' })

/** The runtime client's `HttpResponseStream.from()`, written out: the prelude goes out on the first write. */
const from = (stream: ResponseStream, prelude: object) => {
  stream.setContentType('application/vnd.awslambda.http-integration-response')
  stream._onBeforeFirstWrite = (write) => {
    write(JSON.stringify(prelude))
    write(new Uint8Array(8))
  }
  return stream
}

describe('invoke() with a streaming handler', () => {
  test('returns the chunks with their times on the test clock, the body, and when the first byte went out', async () => {
    const clock = createClock(0)
    const handler = streamifyResponse(async (event: { parts: string[] }, stream) => {
      stream.setContentType('text/plain')
      for (const part of event.parts) {
        await after(clock, 100)
        stream.write(part)
      }
      stream.end()
    })
    const pending = invoke(handler, { parts: ['a', 'b', 'c'] }, { clock })
    await clock.advance(300)
    const streamed = await pending
    expect(streamed.chunks.map(({ text, atMs }) => [text, atMs])).toEqual([
      ['a', 100],
      ['b', 200],
      ['c', 300],
    ])
    expect(streamed).toMatchObject({
      body: 'abc',
      contentType: 'text/plain',
      firstByteMs: 100,
      durationMs: 300,
    })
    expect(streamed.bytes).toEqual(Buffer.from('abc'))
    expect(streamed.error).toBeUndefined()
  })

  test('takes the HTTP prelude out of the body and parses it', async () => {
    const handler = streamifyResponse(async (_event: unknown, stream) => {
      const http = from(stream, { statusCode: 202, headers: { 'x-a': '1' }, cookies: ['c=1'] })
      http.write('first')
      http.end('second')
    })
    const streamed = await invoke(handler, {})
    expect(streamed.prelude).toEqual({ statusCode: 202, headers: { 'x-a': '1' }, cookies: ['c=1'] })
    expect(streamed.chunks.map((chunk) => chunk.text)).toEqual(['first', 'second'])
    expect(streamed.body).toBe('firstsecond')
  })

  test('a handler that writes and then rejects: the bytes stay and the error is Lambda’s shape of it', async () => {
    const handler = streamifyResponse(async (_event: unknown, stream) => {
      stream.write('partial-')
      throw new TypeError('lost it')
    })
    const streamed = await invoke(handler, {})
    expect(streamed.body).toBe('partial-')
    expect(streamed.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'lost it' })
  })

  test('a handler that resolves without ending its stream runs until Lambda’s timeout, as in the runtime', async () => {
    const clock = createClock(0)
    const handler = streamifyResponse(async (_event: unknown, stream) => {
      stream.write('never ended')
    })
    const pending = invoke(handler, {}, { clock, timeoutMs: 1_000 })
    await clock.advance(1_000)
    const streamed = await pending
    expect(streamed.body).toBe('never ended')
    expect(streamed.error).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 1.00 seconds',
      trace: [],
    })
    expect(streamed.durationMs).toBe(1_000)
  })

  test('what a handler writes after its invocation ended is not the caller’s', async () => {
    const clock = createClock(0)
    let late: ResponseStream | undefined
    const handler = streamifyResponse(async (_event: unknown, stream) => {
      late = stream
      stream.write('in time')
      return hang()
    })
    const pending = invoke(handler, {}, { clock, timeoutMs: 100 })
    await clock.advance(100)
    late?.write('too late')
    expect((await pending).body).toBe('in time')
  })

  test('refuses what the runtime client refuses: a non-async handler, a Content-Type after the first write', async () => {
    const sync = Object.assign((_event: unknown, stream: ResponseStream) => void stream.end('x'), {
      [Symbol.for('aws.lambda.runtime.handler.streaming')]: 'response',
    })
    const notAsync = await invoke(sync, {})
    expect(notAsync).toMatchObject({
      error: { errorMessage: 'Streaming does not support non-async handlers.' },
    })
    const late = streamifyResponse(async (_event: unknown, stream) => {
      stream.write('a')
      stream.setContentType('text/plain')
    })
    expect((await invoke(late, {})).error?.errorMessage).toBe('Cannot set content-type, too late.')
  })

  test('a stream the handler destroys ends the invocation with the error', async () => {
    const handler = streamifyResponse(async (_event: unknown, stream) => {
      stream.write('a')
      stream.destroy(new Error('reset'))
      return hang()
    })
    const streamed = await invoke(handler, {})
    expect(streamed).toMatchObject({ body: 'a', error: { errorMessage: 'reset' } })
  })
})
