import { PassThrough, Writable } from 'node:stream'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { HTTP_PRELUDE_CONTENT_TYPE, httpResponseStream } from './http-response-stream.ts'

/** A stream shaped like aws-lambda-ric's: a Content-Type, and the first-write hook its write() calls. */
class RicShapedStream extends Writable {
  contentType = 'application/octet-stream'
  readonly writes: Buffer[] = []
  _onBeforeFirstWrite: ((write: (chunk: string | Uint8Array) => void) => void) | undefined

  setContentType(contentType: string): void {
    this.contentType = contentType
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.writes.length === 0) this._onBeforeFirstWrite?.((raw) => this.writes.push(Buffer.from(raw)))
    this.writes.push(chunk)
    callback()
  }
}

const prelude = { statusCode: 200, headers: { 'content-type': 'text/plain' }, cookies: ['a=1'] }
const expectedBytes = (body: string) =>
  Buffer.concat([Buffer.from(JSON.stringify(prelude)), Buffer.alloc(8), Buffer.from(body)])

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('httpResponseStream()', () => {
  test('without the runtime global: the runtime client’s bytes, JSON prelude then 8 NUL bytes, on the first write', () => {
    const stream = new RicShapedStream()
    const same = httpResponseStream(stream, prelude)
    expect(same).toBe(stream)
    expect(stream.contentType).toBe(HTTP_PRELUDE_CONTENT_TYPE)
    expect(stream.writes).toEqual([])
    stream.end('hello')
    expect(Buffer.concat(stream.writes)).toEqual(expectedBytes('hello'))
  })

  test('a plain Writable gets the prelude at once', () => {
    const stream = new PassThrough()
    httpResponseStream(stream, prelude)
    stream.end('hello')
    expect(stream.read()).toEqual(expectedBytes('hello'))
  })

  test('under the runtime client: its own HttpResponseStream.from() does the work', () => {
    const from = vi.fn((stream: Writable) => stream)
    vi.stubGlobal('awslambda', {
      // biome-ignore lint/complexity/noStaticOnlyClass: the runtime client's HttpResponseStream is such a class
      HttpResponseStream: class HttpResponseStream {
        static from = from
      },
    })
    const stream = new RicShapedStream()
    expect(httpResponseStream(stream, prelude)).toBe(stream)
    expect(from).toHaveBeenCalledWith(stream, prelude)
    expect(stream.contentType).toBe('application/octet-stream')
  })
})
