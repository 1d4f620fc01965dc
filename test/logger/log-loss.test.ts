import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const fixture = fileURLToPath(new URL('../fixtures/logger/many-lines.ts', import.meta.url))

/** Runs the fixture under this Node (24) with stdout on a pipe, as in Lambda, and returns what reached it. */
const run = (
  env: Record<string, string>,
  pauseMs = 0,
): Promise<{ stdout: string; signal: NodeJS.Signals | null }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture], {
      env: { PATH: process.env.PATH ?? '', LINES: '10000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const chunks: Buffer[] = []
    const errors: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    // A slow reader: the pipe fills and the logger's writes get EAGAIN until reading resumes.
    if (pauseMs > 0) {
      child.stdout.pause()
      setTimeout(() => child.stdout.resume(), pauseMs)
    }
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code !== 0 && signal === null)
        reject(new Error(`fixture failed (${code}): ${Buffer.concat(errors)}`))
      else resolve({ stdout: Buffer.concat(chunks).toString('utf8'), signal })
    })
  })

const parsedLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { i: number; msg: string; requestId: string })

describe('no log line is lost when the process ends right after logging', { timeout: 60_000 }, () => {
  test('process.exit() straight after the 10 000th call: all 10 000 lines are on stdout, each valid JSON', async () => {
    const { stdout } = await run({ END: 'exit' })
    const lines = parsedLines(stdout)
    expect(lines).toHaveLength(10_000)
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 10_000 }, (_, i) => i))
    expect(new Set(lines.map((line) => line.requestId)).size).toBe(1)
  })

  test('SIGKILL straight after the last call (no exit handlers, like a frozen environment): still all 10 000', async () => {
    const { stdout, signal } = await run({ END: 'kill' })
    expect(signal).toBe('SIGKILL')
    expect(parsedLines(stdout)).toHaveLength(10_000)
  })

  test('a full non-blocking pipe (stdout touched, as in Lambda; reader paused): every line arrives whole', async () => {
    const { stdout } = await run({ END: 'exit', STDOUT: 'touched' }, 300)
    expect(parsedLines(stdout).map((line) => line.i)).toEqual(Array.from({ length: 10_000 }, (_, i) => i))
  })

  test('lines larger than the pipe (100 000 characters) are written in parts and arrive whole', async () => {
    const { stdout } = await run({ END: 'exit', STDOUT: 'touched', LINES: '40', PAYLOAD: '100000' }, 300)
    const lines = parsedLines(stdout) as Array<{ i: number; payload?: string }>
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(lines.every((line) => line.payload?.length === 100_000)).toBe(true)
  })

  test('control: a buffering asynchronous destination loses lines under SIGKILL, so the check above can fail', async () => {
    const { stdout, signal } = await run({ END: 'kill', SINK: 'buffered' })
    expect(signal).toBe('SIGKILL')
    expect(parsedLines(stdout).length).toBeLessThan(10_000)
  })
})
