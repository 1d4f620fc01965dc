import { Readable } from 'node:stream'
import { after, createClock, createContext, invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { SluiceError } from './errors.ts'
import { HTTP_PRELUDE_CONTENT_TYPE, httpResponseStream } from './http-response-stream.ts'
import { currentInvocation } from './invocation-store.ts'
import { lambda } from './lambda.ts'
import type { Middleware } from './middleware.ts'
import { HANDLER_STREAMING, isStreamingHandler } from './streamify.ts'

const texts = (result: { chunks: readonly { text: string }[] }) => result.chunks.map((chunk) => chunk.text)

describe('lambda().stream()', () => {
  test('is marked for the runtime client, as awslambda.streamifyResponse() marks a handler', () => {
    const handler = lambda().stream(() => 'hi')
    expect(handler[HANDLER_STREAMING]).toBe('response')
    expect(isStreamingHandler(handler)).toBe(true)
    expect(isStreamingHandler(lambda().handler(() => 'hi'))).toBe(false)
  })

  test('sends each chunk as the business function writes it, at its time on the test clock', async () => {
    const clock = createClock(0)
    const handler = lambda<{ rows: number }>({ clock }).stream(async (event, stream) => {
      for (let row = 1; row <= event.rows; row += 1) {
        stream.write(`row ${row};`)
        await after(clock, 100)
      }
      stream.end()
    })
    const pending = invoke(handler, { rows: 3 }, { clock, timeoutMs: 3_000 })
    await clock.advance(300)
    const streamed = await pending
    expect(streamed.error).toBeUndefined()
    expect(streamed.chunks.map(({ text, atMs }) => [text, atMs])).toEqual([
      ['row 1;', 0],
      ['row 2;', 100],
      ['row 3;', 200],
    ])
    expect(streamed.body).toBe('row 1;row 2;row 3;')
    expect(streamed.firstByteMs).toBe(0)
    expect(streamed.durationMs).toBe(300)
  })

  test('a returned string, Readable or web ReadableStream is sent after what was written', async () => {
    const returns = [
      () => 'tail',
      () => Readable.from(['ta', 'il']),
      () => new Blob(['tail']).stream(),
      () => new TextEncoder().encode('tail'),
    ]
    for (const body of returns) {
      const handler = lambda().stream((_event, stream) => {
        stream.write('head ')
        return body()
      })
      const streamed = await invoke(handler, {})
      expect(streamed.error).toBeUndefined()
      expect(streamed.body).toBe('head tail')
    }
  })

  test('a returned { statusCode, headers, cookies, body } is the prelude, flushed before a slow body', async () => {
    const clock = createClock(0)
    async function* rows() {
      await after(clock, 50)
      yield 'a,b\n'
    }
    const handler = lambda().stream(() => ({
      statusCode: 201,
      headers: { 'content-type': 'text/csv' },
      cookies: ['session=1'],
      body: Readable.from(rows()),
    }))
    const pending = invoke(handler, {}, { clock })
    await clock.advance(50)
    const streamed = await pending
    expect(streamed.contentType).toBe(HTTP_PRELUDE_CONTENT_TYPE)
    expect(streamed.prelude).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'text/csv' },
      cookies: ['session=1'],
    })
    expect(streamed.firstByteMs).toBe(0)
    expect(streamed.chunks.map(({ text, atMs }) => [text, atMs])).toEqual([['a,b\n', 50]])
  })

  test('httpResponseStream() in the handler sends the prelude before the first write', async () => {
    const handler = lambda().stream(async (_event, stream) => {
      const http = httpResponseStream(stream, { statusCode: 200, headers: { 'x-id': '1' } })
      http.write('first ')
      http.end('last')
    })
    const streamed = await invoke(handler, {})
    expect(streamed.prelude).toEqual({ statusCode: 200, headers: { 'x-id': '1' } })
    expect(texts(streamed)).toEqual(['first ', 'last'])
  })

  test('middlewares run around the business function, which sees the lifecycle and their additions', async () => {
    const log: string[] = []
    const tagged: Middleware<{ context: { tag: string } }> = {
      before: (request) => {
        log.push('before')
        request.context.tag = 'blue'
      },
      after: () => {
        log.push('after')
      },
    }
    const handler = lambda()
      .use(tagged)
      .stream((_event, stream, context) => {
        log.push('handler')
        stream.write(`${context.tag} `)
        return String(context.lifecycle.invocation)
      })
    expect((await invoke(handler, {})).body).toBe('blue 1')
    expect(log).toEqual(['before', 'handler', 'after'])
  })
})

describe('errors in a streaming handler', () => {
  test('before the first byte, .catch() answers with a full response, prelude included', async () => {
    const handler = lambda<{ id?: string }>()
      .catch((error) => ({ statusCode: error.status, body: error.message }))
      .stream((event) => {
        if (event.id === undefined) throw new SluiceError('id is missing', { code: 'NO_ID', expose: true })
        return event.id
      })
    const streamed = await invoke(handler, {})
    expect(streamed.error).toBeUndefined()
    expect(streamed.prelude).toEqual({ statusCode: 400 })
    expect(streamed.body).toBe('id is missing')
  })

  test('after the first byte, the stream ends with the error: the bytes stay, .catch() is not called', async () => {
    const caught: string[] = []
    const handler = lambda()
      .catch((error) => {
        caught.push(error.message)
        return 'replacement'
      })
      .stream(async (_event, stream) => {
        stream.write('partial-')
        throw new TypeError('lost the upstream')
      })
    const streamed = await invoke(handler, {})
    expect(streamed.body).toBe('partial-')
    expect(streamed.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'lost the upstream' })
    expect(caught).toEqual([])
  })

  test('an onError middleware that answers an error after the body started does not hide it', async () => {
    const answering: Middleware = { onError: () => ({ statusCode: 500, body: 'sorry' }) }
    const handler = lambda()
      .use(answering)
      .stream(async (_event, stream) => {
        stream.write('partial-')
        throw new Error('boom')
      })
    const streamed = await invoke(handler, {})
    expect(streamed.body).toBe('partial-')
    expect(streamed.error?.errorMessage).toBe('boom')
  })

  test('without .catch(), an error before the first byte fails the invocation with nothing sent', async () => {
    const streamed = await invoke(
      lambda().stream(() => {
        throw new RangeError('no')
      }),
      {},
    )
    expect(streamed.chunks).toEqual([])
    expect(streamed.firstByteMs).toBeUndefined()
    expect(streamed.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'no' })
  })

  test('a stream destroyed with an error, or a returned Readable that fails, fails the invocation', async () => {
    const destroyed = lambda().stream(async (_event, stream) => {
      stream.write('a')
      stream.destroy(new Error('upstream reset'))
    })
    const failing = lambda().stream(() =>
      Readable.from(
        (async function* rows() {
          yield 'a'
          throw new Error('disk gone')
        })(),
      ),
    )
    expect((await invoke(destroyed, {})).error?.errorMessage).toBe('upstream reset')
    const streamed = await invoke(failing, {})
    expect(streamed.body).toBe('a')
    expect(streamed.error?.errorMessage).toBe('disk gone')
  })

  test('what cannot be sent is a ResponseStreamError naming the problem', async () => {
    // a JavaScript caller: the types forbid it
    const wrongType = lambda().stream(() => 42 as never)
    const lateStatus = lambda().stream((_event, stream) => {
      stream.write('a')
      return { statusCode: 200 }
    })
    const endedAndReturned = lambda().stream((_event, stream) => {
      stream.end('a')
      return 'b'
    })
    const lateType = lambda().stream(async (_event, stream) => {
      stream.write('a')
      stream.setContentType('text/plain')
    })
    expect((await invoke(wrongType, {})).error?.errorMessage).toMatch(/returned number: return text/)
    expect((await invoke(lateStatus, {})).error).toMatchObject({ errorType: 'ResponseStreamError' })
    expect((await invoke(lateStatus, {})).error?.errorMessage).toMatch(/HTTP response after its body started/)
    expect((await invoke(endedAndReturned, {})).error?.errorMessage).toMatch(/ended the response stream/)
    expect((await invoke(lateType, {})).error?.errorMessage).toMatch(
      /setContentType\(\) after the first write/,
    )
  })
})

describe('streaming invocations in flight together in one process', () => {
  test('each writes to its own stream, whatever the interleaving', async () => {
    const clock = createClock(0)
    const handler = lambda<{ name: string; gap: number }>({ clock }).stream(async (event, stream) => {
      for (let step = 0; step < 3; step += 1) {
        stream.write(`${event.name}${step}`)
        await after(clock, event.gap)
      }
      stream.end()
    })
    const runs = [
      invoke(handler, { name: 'a', gap: 30 }, { context: createContext({ clock }), clock }),
      invoke(handler, { name: 'b', gap: 20 }, { context: createContext({ clock }), clock }),
      invoke(handler, { name: 'c', gap: 50 }, { context: createContext({ clock }), clock }),
    ] as const
    await clock.advance(200)
    const [a, b, c] = await Promise.all(runs)
    expect(texts(a)).toEqual(['a0', 'a1', 'a2'])
    expect(b.chunks.map((chunk) => chunk.atMs)).toEqual([0, 20, 40])
    expect(c.body).toBe('c0c1c2')
  })

  test('each finds its own invocation with currentInvocation(), in the function and in the body it returned', async () => {
    const clock = createClock(0)
    const handler = lambda<{ gap: number }>({ clock }).stream(async (event, stream) => {
      await after(clock, event.gap)
      stream.write(`${currentInvocation()?.requestId};`)
      return Readable.from(
        (async function* body() {
          await after(clock, event.gap)
          yield `${currentInvocation()?.requestId}`
        })(),
      )
    })
    const runs = [30, 10, 20].map((gap) => {
      const context = createContext({ clock })
      return { requestId: context.awsRequestId, streamed: invoke(handler, { gap }, { context, clock }) }
    })
    await clock.advance(100)
    for (const { requestId, streamed } of runs)
      expect((await streamed).body).toBe(`${requestId};${requestId}`)
  })
})
