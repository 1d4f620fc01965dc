import { fileURLToPath } from 'node:url'
import { type InvocationResult, startRuntime } from '@sluice/runtime'
import { describe, expect, test } from 'vitest'

// lambda().stream() under the real aws-lambda-ric (@sluice/runtime): the runtime client calls the handler in
// response streaming mode because of the mark sluice puts on it, and reads the prelude, chunks and trailers.

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const fixture = (name: string) => `test/fixtures/streaming/handlers.ts#${name}`
const texts = (result: InvocationResult) =>
  result.stream?.chunks.map((chunk) => Buffer.from(chunk.data).toString('utf8')) ?? []
const prelude = {
  statusCode: 201,
  headers: { 'content-type': 'text/plain', 'x-kind': 'chunks' },
  cookies: ['flavour=oat'],
}

describe('lambda().stream() end to end', { timeout: 60_000 }, () => {
  test('chunks arrive in order, one by one, behind the prelude (status, headers, cookies)', async () => {
    await using runtime = await startRuntime({ handler: fixture('chunks'), cwd, timeoutMs: 5_000 })
    const result = await runtime.invoke({ gapMs: 100 })
    expect(result.error).toBeUndefined()
    expect(result.result).toBe('one;two;three;')
    expect(result.stream?.prelude).toEqual(prelude)
    expect(texts(result)).toEqual(['one;', 'two;', 'three;'])
    const times = result.stream?.chunks.map((chunk) => chunk.atMs) ?? []
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // The first byte (the prelude) went out before the chunks that came 100 ms apart.
    expect(result.firstByteMs).toBeLessThan(times.at(-1) ?? 0)
  })

  test('a returned { statusCode, headers, cookies, body } streams the same response', async () => {
    await using runtime = await startRuntime({ handler: fixture('returned'), cwd, timeoutMs: 5_000 })
    const result = await runtime.invoke({})
    expect(result.error).toBeUndefined()
    expect(result.stream?.prelude).toEqual(prelude)
    expect(texts(result)).toEqual(['one;', 'two;', 'three;'])
  })

  test('the prelude sluice writes reads back as the one the runtime client writes, with or without its global', async () => {
    await using native = await startRuntime({
      handler: 'test/fixtures/streaming/native.ts#handler',
      cwd,
      timeoutMs: 5_000,
    })
    await using withGlobal = await startRuntime({ handler: fixture('chunks'), cwd, timeoutMs: 5_000 })
    await using withoutGlobal = await startRuntime({
      handler: fixture('chunks'),
      cwd,
      timeoutMs: 5_000,
      env: { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: '1' },
    })
    const reference = await native.invoke({})
    expect(reference.stream?.prelude).toEqual(prelude)
    const sluice = [await withGlobal.invoke({ gapMs: 0 }), await withoutGlobal.invoke({ gapMs: 0 })]
    expect(sluice.map((result) => result.logs.find((line) => line.includes('awslambda global')))).toEqual([
      expect.stringContaining('awslambda global: true'),
      expect.stringContaining('awslambda global: false'),
    ])
    for (const result of sluice) {
      expect(result.error).toBeUndefined()
      expect(result.stream?.contentType).toBe(reference.stream?.contentType)
      expect(result.stream?.prelude).toEqual(reference.stream?.prelude)
      expect(result.result).toBe(reference.result)
    }
  })

  test('a handler that writes and then throws is an error, with the bytes it sent', async () => {
    await using runtime = await startRuntime({ handler: fixture('writeThenThrow'), cwd, timeoutMs: 5_000 })
    const result = await runtime.invoke({})
    expect(result.error).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'failed after the first byte',
    })
    expect(result.report.status).not.toBe('success')
    expect(result.result).toBe('partial-')
  })

  test('an error before the first byte becomes the .catch() response, prelude and all', async () => {
    await using runtime = await startRuntime({ handler: fixture('caughtEarly'), cwd, timeoutMs: 5_000 })
    const result = await runtime.invoke({})
    expect(result.error).toBeUndefined()
    expect(result.stream?.prelude).toEqual({ statusCode: 400, headers: { 'x-error': 'NO_ID' } })
    expect(result.result).toBe('id is missing')
  })
})
