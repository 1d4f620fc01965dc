import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type HttpFrontDoor,
  httpFrontDoor,
  type InvokeOptions,
  type Runtime,
  startRuntime,
} from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Streamed responses through Function URL and REST API front doors, over the real aws-lambda-ric: bytes reach
// the HTTP client while the function is still writing. Proven by order, not by time: the gate fixture cannot
// write its last chunk until the test has read the first one.
const root = fileURLToPath(new URL('../..', import.meta.url))
const exportCwd = fileURLToPath(new URL('../../examples/order-export', import.meta.url))
const gateHandler = 'test/fixtures/event-sources/http-stream-gate.mjs#handler'

describe('streaming front doors', () => {
  let exporter: Runtime
  let gate: Runtime
  let door: HttpFrontDoor
  let dir: string
  const log: string[] = []
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-http-stream-'))
    exporter = await startRuntime({ handler: 'handler.ts#handler', cwd: exportCwd, timeoutMs: 20_000 })
    gate = await startRuntime({ handler: gateHandler, cwd: root, timeoutMs: 20_000, concurrency: 2 })
    // Records when each chunk came from the function, so the client's reads can be ordered against it.
    const watched = {
      invoke: (event: unknown, options: InvokeOptions = {}) =>
        exporter.invoke(event, {
          ...options,
          onChunk: (chunk) => {
            log.push('written')
            options.onChunk?.(chunk)
          },
        }),
    }
    door = await httpFrontDoor({
      routes: [
        { type: 'function-url', path: '/export', function: watched, stream: true },
        { type: 'function-url', path: '/gate', function: gate, stream: true },
        { type: 'rest-api', path: '/rest-gate', function: gate, stream: true },
      ],
    })
  })
  afterAll(async () => {
    await door?.stop()
    await Promise.all([exporter?.stop(), gate?.stop()])
    rmSync(dir, { recursive: true, force: true })
  })

  it('order-export: the first rows reach the client before the function has written the last page', async () => {
    log.length = 0
    const response = await fetch(`${door.url}/export/orders.csv?pages=6`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="orders.csv"')
    expect(response.headers.get('transfer-encoding')).toBe('chunked')
    let text = ''
    const decoder = new TextDecoder()
    for await (const chunk of response.body ?? []) {
      log.push('read')
      text += decoder.decode(chunk, { stream: true })
    }
    expect(text.split('\n')).toHaveLength(1 + 6 * 4 + 1)
    expect(text.startsWith('id,customer,cents\nord-1000,ada,995\n')).toBe(true)
    expect(log.indexOf('read')).toBeLessThan(log.lastIndexOf('written'))
  })

  it('order-export: a bad query is the handler’s 400 with its JSON body', async () => {
    const response = await fetch(`${door.url}/export/orders.csv?pages=lots`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 'PAGES_INVALID',
      message: 'pages must be a whole number from 1 to 50',
    })
  })

  it.each(['/gate/hold', '/rest-gate'])(
    '%s: sends the prelude and the first chunk while the function waits',
    async (path) => {
      const file = join(dir, `fetch-${path.replaceAll('/', '-')}`)
      const response = await fetch(`${door.url}${path}?gate=${encodeURIComponent(file)}`)
      expect([response.status, response.headers.get('x-gate'), response.headers.get('set-cookie')]).toEqual([
        200,
        'on',
        'gate=1',
      ])
      const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader()
      const first = await reader.read()
      expect(new TextDecoder().decode(first.value)).toBe('first;')
      writeFileSync(file, 'open')
      let rest = ''
      for (let part = await reader.read(); !part.done; part = await reader.read())
        rest += new TextDecoder().decode(part.value)
      expect(rest).toBe('last;')
    },
  )

  it('curl -N prints the first chunk before the function can finish', async () => {
    const file = join(dir, 'curl-gate')
    const curl = spawn('curl', ['-sS', '-N', `${door.url}/gate/?gate=${encodeURIComponent(file)}`])
    let out = ''
    curl.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out === 'first;') writeFileSync(file, 'open')
    })
    const code = await new Promise<number | null>((resolve) => curl.on('close', resolve))
    expect([code, out]).toEqual([0, 'first;last;'])
  })

  it('a stream that fails midway is cut: the client keeps the first bytes and sees the body end early', async () => {
    const response = await fetch(`${door.url}/gate/?fail=1`)
    expect(response.status).toBe(200)
    const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader()
    let text = ''
    const failure = await (async () => {
      try {
        for (let part = await reader.read(); !part.done; part = await reader.read())
          text += new TextDecoder().decode(part.value)
      } catch (error) {
        return error
      }
      return undefined
    })()
    expect(text).toBe('first;')
    expect(failure).toBeInstanceOf(Error)
  })
})
