import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectAllGone, runSluice, sluiceBin } from '../runtime/process-helpers.ts'

// `sluice dev` as a user runs it: the bin in a folder holding sluice.config.ts (TypeScript, types stripped by
// Node), `sluice send` from the same folder, stopped by a signal; on a pseudo-terminal (util-linux `script`) and
// piped.
const fixtures = fileURLToPath(new URL('../fixtures/dev/', import.meta.url))
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g

let dir: string
let child: ChildProcess | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-dev-cli-'))
  for (const file of ['orders.mjs', 'sluice.config.ts']) copyFileSync(join(fixtures, file), join(dir, file))
})
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  child = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Starts `sluice dev …` in `dir`; `output()` is what it printed so far, `closed` its exit code. */
function startDev(args: readonly string[], mode: 'tty' | 'piped') {
  const command = [process.execPath, sluiceBin, 'dev', ...args]
  const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`
  const [file, argv] =
    mode === 'tty'
      ? ['script', ['-qec', command.map(quote).join(' '), '/dev/null']]
      : [process.execPath, command.slice(1)]
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...env } = process.env
  const started = spawn(file ?? '', argv as string[], {
    cwd: dir,
    env: { ...env, TERM: 'xterm-256color' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = started
  let output = ''
  started.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  started.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const closed = new Promise<number | null>((resolve) => started.once('close', resolve))
  return { output: () => output.replaceAll('\r\n', '\n'), closed }
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const stateFile = () => join(dir, '.sluice', 'dev.json')
const childPids = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number)

describe.each(['piped', 'tty'] as const)('sluice dev, %s', (mode) => {
  it('runs the config, takes messages from sluice send, prints what happened, stops cleanly on SIGTERM', async () => {
    const dev = startDev(['--time-scale', '200'], mode)
    await until(() => existsSync(stateFile()), '.sluice/dev.json')
    const { pid, sources } = JSON.parse(readFileSync(stateFile(), 'utf8'))
    expect(sources).toEqual(['orders'])
    const sent = await runSluice(['send', 'orders', '{"body":"order o-1"}'], dir)
    expect(sent.stderr).toBe('')
    expect(sent.code).toBe(0)
    expect(sent.stdout).toMatch(/^[0-9a-f-]{36}\n$/)
    const poison = await runSluice(['send', 'orders', '-'], dir, '[{"body":"poison"}]')
    expect(poison.code).toBe(0)
    const refused = await runSluice(['send', 'orders', '{"nope":1}'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^sluice: EVENT_SOURCE_\w+: /)
    const dlqLine = `[orders] ${poison.stdout.trim()} → dlq after 2 receives (maxReceiveCount 2)`
    await until(() => dev.output().replace(ANSI, '').includes(dlqLine), 'the dlq line')
    const containers = childPids(pid)
    expect(containers.length).toBeGreaterThan(0)

    process.kill(pid, 'SIGTERM')
    expect(await dev.closed).toBe(0)
    await expectAllGone(containers, 10_000)
    expect(existsSync(stateFile())).toBe(false)
    expect(existsSync(join(dir, '.sluice'))).toBe(false) // the folder too, once empty
    const output = dev.output()
    const text = output.replace(ANSI, '')
    expect(text).toContain('sluice dev sluice.config.ts: 1 function(s), sources: orders, time scale 200×')
    expect(text).toMatch(/^\[orders\] START RequestId: /m)
    expect(text).toMatch(/^\[orders\] REPORT RequestId: /m)
    expect(text).toContain('[orders] batch 1 → success')
    expect(text).toMatch(/\[orders\] batch \d → (partial, 1 failed|failure)/)
    expect(text).toContain('sluice dev: stopped (SIGTERM)')
    if (mode === 'piped') {
      expect(output).not.toMatch(ANSI)
      expect(text).toMatch(
        /^\[orders\] \{"timestamp":"[^"]+","level":"INFO","requestId":"[^"]+","message":"orders v1"\}$/m,
      )
    } else {
      // The live table, redrawn in place: the cursor goes up over it before each new line.
      expect(text).toMatch(/│ orders │ sqs +│ 0 +│ 0 +│ 0 +│ 1 +│ 1 +│ 0 +│/)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: cursor up, erase down: the redraw itself
      expect(output).toMatch(/\u001b\[\d+A\u001b\[J/)
      expect(text).toMatch(/^\[orders\] \d\d:\d\d:\d\d\.\d{3} INFO {2}orders v1$/m)
    }
  }, 120_000)
})

describe('sluice dev --json and errors', () => {
  it('--json prints one JSON object per line: ready, invocations, batches, fates', async () => {
    const dev = startDev(['--json', '--time-scale', '200'], 'piped')
    await until(() => existsSync(stateFile()), '.sluice/dev.json')
    const { pid } = JSON.parse(readFileSync(stateFile(), 'utf8'))
    expect((await runSluice(['send', 'orders', '{"body":"order o-2"}'], dir)).code).toBe(0)
    await until(() => dev.output().includes('"type":"batch"'), 'the batch line')
    process.kill(pid, 'SIGINT')
    expect(await dev.closed).toBe(0)
    const lines = dev
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines[0]).toMatchObject({
      type: 'ready',
      functions: ['orders'],
      sources: ['orders'],
      timeScale: 200,
    })
    expect(lines.map((line) => line.type)).toEqual(expect.arrayContaining(['invocation', 'batch', 'fate']))
    expect(lines.find((line) => line.type === 'batch')).toMatchObject({
      source: 'orders',
      outcome: 'success',
    })
  }, 120_000)

  it('without a config, or sending with no sluice dev running, says what to do (exit code 2)', async () => {
    rmSync(join(dir, 'sluice.config.ts'))
    const dev = await runSluice(['dev'], dir)
    expect(dev.code).toBe(2)
    expect(dev.stderr).toMatch(/^sluice: no sluice\.config\.ts, .* in .*: create one/)
    const send = await runSluice(['send', 'orders', '{}'], dir)
    expect(send.code).toBe(2)
    expect(send.stderr).toMatch(/^sluice: no sluice dev is running here/)
  }, 60_000)
})
