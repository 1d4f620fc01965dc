import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { runSluice, sluiceBin } from './process-helpers.ts'

// `sluice invoke` on streaming handlers: --json, piped human output, and a pseudo-terminal (util-linux `script`).
const root = fileURLToPath(new URL('../..', import.meta.url))
const chunks = 'test/fixtures/runtime/stream-chunks.mjs'
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g
const dirs: string[] = []

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('sluice invoke --json on a streaming handler', () => {
  it('gives the three chunks joined as result and a firstByteMs well below the duration', async () => {
    const run = await runSluice(['invoke', chunks, '--json'], root)
    expect(run.code).toBe(0)
    const [invocation] = JSON.parse(run.stdout).invocations
    expect(invocation.result).toBe('chunk-1;chunk-2;chunk-3;')
    expect(invocation).not.toHaveProperty('resultEncoding')
    // The handler writes chunk 3 at least 200 ms after chunk 1.
    expect(invocation.firstByteMs).toBeLessThan(invocation.report.durationMs - 100)
    expect(invocation.stream).toMatchObject({ contentType: 'text/plain', bytes: 24, throttledMs: 0 })
    for (const chunk of invocation.stream.chunks)
      expect(chunk).toEqual({ atMs: expect.any(Number), bytes: expect.any(Number) })
  }, 60_000)

  it('a body that is not UTF-8 is result in base64 with "resultEncoding": "base64"', async () => {
    const event = JSON.stringify({ bytes: 10, binary: true })
    const run = await runSluice(
      ['invoke', 'test/fixtures/runtime/stream-bytes.mjs', '--event', event, '--json'],
      root,
    )
    expect(run.code).toBe(0)
    const [invocation] = JSON.parse(run.stdout).invocations
    expect(invocation.resultEncoding).toBe('base64')
    expect(Buffer.from(invocation.result, 'base64')).toEqual(Buffer.from([0, ...Array(9).fill(0xff)]))
  }, 60_000)

  it('a stream that fails after its first bytes is an error, with its message, in the invocation and the summary', async () => {
    const run = await runSluice(['invoke', 'test/fixtures/runtime/stream-throws.mjs', '--json'], root)
    expect(run.code).toBe(1)
    const output = JSON.parse(run.stdout)
    expect(output.invocations[0]).toMatchObject({
      result: 'partial-',
      error: { errorType: 'StockError', errorMessage: 'the warehouse stopped answering mid-stream' },
      report: { status: 'error' },
    })
    expect(output.summary.errors).toBe(1)
  }, 60_000)
})

describe('sluice invoke (human output) on a streaming handler', () => {
  it('prints the body, then the usual block, the error with its message and the summary', async () => {
    const run = await runSluice(['invoke', 'test/fixtures/runtime/stream-throws.mjs'], root)
    expect(run.code).toBe(1)
    const lines = run.stdout.split('\n')
    const start = lines.findIndex((line) => line.startsWith('START RequestId:'))
    expect(lines.slice(0, start)).toEqual(['partial-'])
    expect(run.stdout).toMatch(
      /^STREAM 1 chunk {2}8 bytes {2}first byte \d+\.\d\d ms {2}application\/octet-stream$/m,
    )
    expect(run.stdout).toMatch(
      /^Response \{"errorType":"StockError","errorMessage":"the warehouse stopped answering mid-stream"\}$/m,
    )
    expect(run.stdout).toMatch(/│ errors +│ 1 +│/)
  }, 60_000)

  it('shows the HTTP prelude of a Function URL response on a line of its own, before the body', async () => {
    const run = await runSluice(['invoke', 'test/fixtures/runtime/stream-http.mjs'], root)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'HTTP 201 · content-type: text/html · x-order: o-42 · set-cookie: session=abc; Secure · set-cookie: theme=dark',
      '<p>order o-42 created</p>',
    ])
    expect(run.stdout).toMatch(/^Response "<p>order o-42 created<\/p>"$/m)
  }, 60_000)

  it('on a terminal, shows chunk 1 before the handler has written chunk 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-stream-tty-'))
    dirs.push(dir)
    const gate = join(dir, 'seen-chunk-1')
    const event = JSON.stringify({ gate })
    const command = [process.execPath, sluiceBin, 'invoke', chunks, '--event', event, '--timeout', '20s']
    const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`
    const child = spawn('script', ['-qec', command.map(quote).join(' '), '/dev/null'], {
      cwd: root,
      env: { ...process.env, TERM: 'xterm-256color' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let screen = ''
    let whenChunk1Seen: string | undefined
    child.stdout.on('data', (data: Buffer) => {
      screen += data.toString()
      if (whenChunk1Seen === undefined && screen.includes('chunk-1;')) {
        whenChunk1Seen = screen
        // The handler waits for this file before it writes chunk 2: what is on screen now came before it.
        writeFileSync(gate, '')
      }
    })
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
    expect(code).toBe(0)
    expect(whenChunk1Seen).toBeDefined()
    expect(whenChunk1Seen).not.toContain('chunk-2;')
    expect(whenChunk1Seen).not.toContain('START RequestId')
    const text = screen.replaceAll('\r\n', '\n').replace(ANSI, '')
    expect(text).toMatch(/^chunk-1;chunk-2;chunk-3;\nSTART RequestId: /m)
    expect(text).toMatch(/INFO {2}writing chunk-3 for /)
    expect(text).toMatch(/^Response "chunk-1;chunk-2;chunk-3;"$/m)
    expect(text).toMatch(/│ invocations +│ 1 on 1 container\(s\)/)
  }, 60_000)
})
