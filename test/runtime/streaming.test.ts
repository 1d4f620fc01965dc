import { fileURLToPath } from 'node:url'
import { type HttpPrelude, type StreamChunk, startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'

// Response streaming through the real aws-lambda-ric: its StreamingInvokeProcessor posts the body chunked to the
// local Runtime API, which reads it as it arrives, like Lambda's.
const cwd = fileURLToPath(new URL('../..', import.meta.url))
const fixture = (name: string) => `test/fixtures/runtime/${name}.mjs#handler`
const text = (chunk: StreamChunk) => Buffer.from(chunk.data).toString()
const KIB = 1024

describe('response streaming (startRuntime)', () => {
  it('hands each chunk to the caller as it arrives; the result is the chunks joined', async () => {
    await using runtime = await startRuntime({ handler: fixture('stream-chunks'), cwd })
    await runtime.invoke({ chunks: 1 })
    const seen: { text: string; done: boolean }[] = []
    let done = false
    const pending = runtime.invoke({}, { onChunk: (chunk) => seen.push({ text: text(chunk), done }) })
    const result = await pending.finally(() => {
      done = true
    })
    expect(result.error).toBeUndefined()
    expect(result.result).toBe('chunk-1;chunk-2;chunk-3;')
    expect(seen.map((chunk) => chunk.text).join('')).toBe('chunk-1;chunk-2;chunk-3;')
    expect(seen.every((chunk) => !chunk.done)).toBe(true)
    const chunks = result.stream?.chunks ?? []
    expect(result.stream?.contentType).toBe('text/plain')
    expect(result.firstByteMs).toBe(chunks[0]?.atMs)
    // The handler sleeps 2 × 100 ms between writing chunk 1 and chunk 3: a buffered body would arrive at once.
    expect((chunks.at(-1)?.atMs ?? 0) - (chunks[0]?.atMs ?? 0)).toBeGreaterThan(100)
    expect(result.firstByteMs).toBeLessThan(result.report.durationMs - 100)
  })

  it('a handler that writes, then throws: the error from the trailers, after the bytes it sent', async () => {
    await using runtime = await startRuntime({ handler: fixture('stream-throws'), cwd })
    const result = await runtime.invoke({})
    expect(result.error).toMatchObject({
      errorType: 'StockError',
      errorMessage: 'the warehouse stopped answering mid-stream',
    })
    expect(result.error?.trace[0]).toBe('StockError: the warehouse stopped answering mid-stream')
    expect(result.report.status).toBe('error')
    expect(result.result).toBe('partial-')
    expect(result.stream?.bytes).toBe(8)
  })

  it('HttpResponseStream.from: status, headers and cookies from the prelude; the body is only the body', async () => {
    await using runtime = await startRuntime({ handler: fixture('stream-http'), cwd })
    const calls: string[] = []
    const result = await runtime.invoke(
      {},
      {
        onPrelude: (prelude: HttpPrelude) => calls.push(`prelude ${prelude.statusCode}`),
        onChunk: () => calls.push('chunk'),
      },
    )
    expect(result.result).toBe('<p>order o-42 created</p>')
    expect(result.stream?.contentType).toBe('application/vnd.awslambda.http-integration-response')
    expect(result.stream?.prelude).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'text/html', 'x-order': 'o-42' },
      cookies: ['session=abc; Secure', 'theme=dark'],
    })
    expect(calls[0]).toBe('prelude 201')
    expect(calls.slice(1).every((call) => call === 'chunk')).toBe(true)
  })

  it('a body that is not UTF-8 comes back as base64 with resultEncoding', async () => {
    await using runtime = await startRuntime({ handler: fixture('stream-bytes'), cwd })
    const result = await runtime.invoke({ bytes: 10, binary: true })
    expect(result.resultEncoding).toBe('base64')
    expect(Buffer.from(String(result.result), 'base64')).toEqual(Buffer.from([0, ...Array(9).fill(0xff)]))
    const text = await runtime.invoke({ bytes: 5 })
    expect(text).toMatchObject({ result: 'aaaaa' })
    expect(text.resultEncoding).toBeUndefined()
  })

  it('leaves buffered handlers as they were: parsed JSON, no stream fields', async () => {
    await using runtime = await startRuntime({ handler: 'test/fixtures/runtime/sleep.mjs#handler', cwd })
    const result = await runtime.invoke({ ms: 1 })
    expect(result.result).toMatchObject({ requestId: result.requestId })
    expect(result).not.toHaveProperty('stream')
    expect(result).not.toHaveProperty('firstByteMs')
    expect(result).not.toHaveProperty('resultEncoding')
  })
})

describe('response streaming limits (lowered for the test)', () => {
  it('fails past the size limit with Function.ResponseSizeTooLarge; the container stays warm', async () => {
    await using runtime = await startRuntime({
      handler: fixture('stream-bytes'),
      cwd,
      streamLimits: { maxBytes: 64 * KIB },
    })
    const over = await runtime.invoke({ bytes: 256 * KIB, chunkBytes: 16 * KIB })
    expect(over.error).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: expect.stringMatching(
        /^Response payload size \(\d+ bytes\) exceeded maximum allowed payload size \(65536 bytes\)\.$/,
      ),
      trace: [],
    })
    expect(over.stream?.bytes).toBe(64 * KIB)
    const exact = await runtime.invoke({ bytes: 64 * KIB })
    expect(exact.error).toBeUndefined()
    expect(exact.stream?.bytes).toBe(64 * KIB)
    expect(exact.coldStart).toBe(false)
  })

  it('passes the burst uncapped, then never faster than the bandwidth cap', async () => {
    const limits = { burstBytes: 16 * KIB, bytesPerSecond: 64 * KIB }
    await using runtime = await startRuntime({ handler: fixture('stream-bytes'), cwd, streamLimits: limits })
    const small = await runtime.invoke({ bytes: 16 * KIB, chunkBytes: 4 * KIB })
    expect(small.stream?.throttledMs).toBe(0)
    const big = await runtime.invoke({ bytes: 80 * KIB, chunkBytes: 4 * KIB })
    expect(big.error).toBeUndefined()
    expect(big.stream?.bytes).toBe(80 * KIB)
    // 64 KiB past the burst at 64 KiB/s: about a second held back (the bucket refills a little meanwhile).
    expect(big.stream?.throttledMs).toBeGreaterThan(500)
    let passed = 0
    for (const chunk of big.stream?.chunks ?? []) {
      passed += chunk.data.byteLength
      expect(passed).toBeLessThanOrEqual(limits.burstBytes + (limits.bytesPerSecond * chunk.atMs) / 1000 + 1)
    }
    expect(big.report.durationMs).toBeGreaterThanOrEqual(900)
  })
})
