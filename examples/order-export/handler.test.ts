import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { events } from '@sluice/testing'
import { describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('.', import.meta.url))
const get = (query: Record<string, string>) =>
  events['function-url']({ rawPath: '/orders.csv', queryStringParameters: query })

describe('order export, streamed through the local Lambda runtime', () => {
  it('sends the prelude, then one chunk per page as the query reads it', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 10_000 })
    const seen: string[] = []
    const result = await runtime.invoke(get({ pages: '3' }), {
      onChunk: (chunk) => seen.push(new TextDecoder().decode(chunk.data)),
    })

    expect(result.error).toBeUndefined()
    expect(result.stream?.prelude).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/csv' } })
    const body = String(result.result)
    expect(body.split('\n')).toHaveLength(1 + 3 * 4 + 1)
    expect(body.startsWith('id,customer,cents\nord-1000,ada,995\n')).toBe(true)
    // The header row, then a chunk per page: each page reached the caller before the next was read.
    expect(seen.join('')).toBe(body)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(result.firstByteMs).toBeLessThan(result.report.durationMs)
  })

  it('answers a bad query 400 with a JSON body, before the first byte', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 10_000 })
    const result = await runtime.invoke(get({ pages: 'lots' }))

    expect(result.error).toBeUndefined()
    expect(result.stream?.prelude).toMatchObject({ statusCode: 400 })
    expect(JSON.parse(String(result.result))).toEqual({
      code: 'PAGES_INVALID',
      message: 'pages must be a whole number from 1 to 50',
    })
  })

  it('at the deadline keeps what was sent and fails with the TimeoutError', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 1_500 })
    const result = await runtime.invoke(get({ pages: '50' }))

    expect(result.error?.errorType).toBe('TimeoutError')
    expect(String(result.result)).toMatch(/^id,customer,cents\nord-1000,/)
  })
})
