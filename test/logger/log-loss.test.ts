import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const fixture = fileURLToPath(new URL('../fixtures/logger/many-lines.ts', import.meta.url))

/** Runs the fixture under this Node (24) with stdout on a pipe, as in Lambda, and returns what reached it. */
const run = (env: Record<string, string>): Promise<{ stdout: string; signal: NodeJS.Signals | null }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture], {
      env: { PATH: process.env.PATH ?? '', LINES: '10000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const chunks: Buffer[] = []
    const errors: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
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

  test('control: a buffering asynchronous destination loses lines under SIGKILL, so the check above can fail', async () => {
    const { stdout, signal } = await run({ END: 'kill', SINK: 'buffered' })
    expect(signal).toBe('SIGKILL')
    expect(parsedLines(stdout).length).toBeLessThan(10_000)
  })
})
