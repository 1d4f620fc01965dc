import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The CLI as a person sees it: in a terminal (a pseudo-terminal from util-linux `script`, so stdout and stderr are
// TTYs and the CLI takes its TTY-only paths: pretty logs, colours, the progress bar) and piped.
const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = 'packages/runtime/bin/sluice.mjs'
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g
const TIME = String.raw`\d\d:\d\d:\d\d\.\d{3}`

interface Run {
  readonly code: number | null
  /** What reached the screen (or the pipe), with `\r\n` as `\n`. */
  readonly output: string
  /** The same without ANSI escape sequences. */
  readonly text: string
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`

/** Runs `sluice …` like cli.test.ts does (this Node, the bin file), on a pseudo-terminal or piped. */
function sluice(
  args: readonly string[],
  mode: 'tty' | 'piped',
  env: Record<string, string> = {},
): Promise<Run> {
  const command = [process.execPath, bin, ...args]
  const [file, argv] =
    mode === 'tty'
      ? ['script', ['-qec', command.map(quote).join(' '), '/dev/null']]
      : [command[0] ?? '', command.slice(1)]
  // A terminal that takes colours, unless the test says otherwise; nothing inherited decides for it.
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: root,
      env: { ...inherited, TERM: 'xterm-256color', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('error', reject)
    child.once('close', (code) => {
      const screen = output.replaceAll('\r\n', '\n')
      resolve({ code, output: screen, text: screen.replace(ANSI, '') })
    })
  })
}

const lines = (run: Run) => run.text.split('\n')
const examples = readdirSync(join(root, 'examples')).filter((name) =>
  existsSync(join(root, 'examples', name, 'demo.json')),
)

describe.each(['tty', 'piped'] as const)('sluice demo, %s', (mode) => {
  it('runs every example to the end: each heading, no sluice: error line, exit code 0', async () => {
    const run = await sluice(['demo'], mode)
    expect(examples.length).toBeGreaterThan(0)
    for (const example of examples) expect(run.text).toContain(`━━ ${example} · `)
    expect(lines(run).filter((line) => line.startsWith('sluice:'))).toEqual([])
    // Names the runs that did not end as their demo.json expects, with what happened in them.
    const unexpected = run.text
      .split('\n━━ ')
      .filter((section) => /expected (every invocation|the messages) to end as/.test(section))
      .map((section) => section.split('\nWhat happened\n')[1] ?? section)
    expect(unexpected).toEqual([])
    expect(run.text).toContain('all demo runs behaved as expected')
    expect(run.code).toBe(0)
    // sqs-orders through its sluice.config.ts: the poison message's redeliveries, then the DLQ; no state file left
    const poison = run.text.split('\n━━ ').find((section) => section.includes('through sluice dev')) ?? ''
    expect(poison).toMatch(/^\[orders\] [0-9a-f-]{36} → redelivered /m)
    expect(poison).toMatch(/^\[orders\] [0-9a-f-]{36} → dlq after 3 receives \(maxReceiveCount 3\)$/m)
    expect(poison).toContain('  orders: 5 message(s): 4 processed, 1 dlq (receive count 3)\n')
    expect(existsSync(join(root, 'examples', 'sqs-orders', '.sluice'))).toBe(false)
    if (mode === 'tty') {
      expect(run.text).toMatch(new RegExp(`^${TIME} INFO  greeting Ada$`, 'm'))
      // Log records are pretty; JSON that is no log record (EMF metric lines) stays as it is.
      expect(run.text).not.toMatch(/^\{"(timestamp|level|msg|message)"/m)
      expect(run.output).toContain('\u001b[1m━━ hello · ')
      expect(run.output).toContain('\u001b[36mINFO \u001b[39m')
    } else {
      expect(run.output).not.toMatch(ANSI)
      expect(run.text).toContain('━━ hello · cold start, then warm invocations ━━')
      expect(run.text).toMatch(/#1 cold start on container [0-9a-f]{8}: init \d+\.\d\d ms/)
      expect(run.text).toMatch(/#2 warm on [0-9a-f]{8}/)
      expect(run.text).toContain('Status: timeout')
      expect(run.text).toMatch(
        /^\{"timestamp":"[^"]+","level":"INFO","requestId":"[^"]+","message":"greeting Ada"\}$/m,
      )
    }
  }, 240_000)
})

describe('sluice invoke on a terminal: pretty logs for every log shape', () => {
  it('@sluice/logger and plain pino lines (labels and numbers, ISO and epoch times, err stacks)', async () => {
    const run = await sluice(
      ['invoke', 'test/fixtures/runtime/logs-sluice-logger.ts', '--event', '{"orderId":"o-42"}'],
      'tty',
    )
    expect(run.code).toBe(0)
    const text = run.text
    expect(text).toMatch(new RegExp(`^${TIME} INFO  init: plain pino at module scope$`, 'm'))
    expect(text).toMatch(new RegExp(`^${TIME} INFO  order received orderId=o-42 items=2$`, 'm'))
    expect(text).toMatch(new RegExp(`^${TIME} WARN  stock is low:\\n {19}only 1 left$`, 'm'))
    expect(text).toMatch(
      new RegExp(`^${TIME} ERROR reservation failed\\n {19}Error: warehouse unreachable\\n {19}    at `, 'm'),
    )
    expect(text).toMatch(new RegExp(`^${TIME} WARN  plain pino retry attempt=2$`, 'm'))
    expect(text).not.toMatch(/hostname=|pid=|requestId=|coldStart=/)
    expect(text).toMatch(/^Response \{"stored":true\}$/m)
    expect(lines(run).filter((line) => line.startsWith('sluice:'))).toEqual([])
    expect(run.output).toContain('\u001b[31mERROR\u001b[39m')
    expect(run.output).toContain('\u001b[33mWARN \u001b[39m')
  }, 60_000)

  it('Powertools Logger fields, console.log of text, objects, errors and nothing, and raw writes', async () => {
    const run = await sluice(['invoke', 'test/fixtures/runtime/logs-powertools-console.ts'], 'tty')
    expect(run.code).toBe(0)
    const text = run.text
    expect(text).toMatch(new RegExp(`^${TIME} INFO  payment captured amountCents=1299$`, 'm'))
    expect(text).not.toMatch(/function_request_id=|cold_start=|sampling_rate=/)
    expect(text).toMatch(new RegExp(`^${TIME} INFO  plain console.log line$`, 'm'))
    expect(text).toMatch(new RegExp(`^${TIME} INFO  \\{"orderId":"o-7","status":"paid"\\}$`, 'm'))
    expect(text).toMatch(new RegExp(`^${TIME} INFO$`, 'm'))
    expect(text).toMatch(new RegExp(`^${TIME} INFO  first line\\n {19}second line$`, 'm'))
    expect(text).toMatch(new RegExp(`^${TIME} ERROR TypeError: card expired\\n {19}    at `, 'm'))
    expect(text).toMatch(/^raw stdout write$/m)
    expect(lines(run).filter((line) => line.startsWith('sluice:'))).toEqual([])
  }, 60_000)

  it('NO_COLOR keeps the pretty lines and drops the colours', async () => {
    const run = await sluice(['invoke', 'test/fixtures/runtime/logs-powertools-console.ts'], 'tty', {
      NO_COLOR: '1',
    })
    expect(run.code).toBe(0)
    expect(run.text).toMatch(new RegExp(`^${TIME} INFO  payment captured amountCents=1299$`, 'm'))
    expect(run.output).not.toMatch(ANSI)
  }, 60_000)

  it('piped, the same handler prints its raw JSON lines and no colours', async () => {
    const run = await sluice(['invoke', 'test/fixtures/runtime/logs-sluice-logger.ts'], 'piped')
    expect(run.code).toBe(0)
    expect(run.output).not.toMatch(ANSI)
    const json = lines(run).filter((line) => line.startsWith('{'))
    expect(json.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'order received', orderId: 'o-1' }),
    )
    expect(json.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ level: 30, msg: 'init: plain pino at module scope' }),
    )
  }, 60_000)
})

describe.each(['tty', 'piped'] as const)('an init error, %s', (mode) => {
  it('prints its stack once and the REPORT, exit code 1, no sluice: line', async () => {
    const run = await sluice(['invoke', 'test/fixtures/runtime/init-throws.mjs'], mode)
    expect(run.code).toBe(1)
    expect(run.text.split('init-throws.mjs:2:7')).toHaveLength(2)
    expect(run.text).toMatch(/^INIT_REPORT Init Duration: /m)
    expect(run.text).toMatch(
      /^Response \{"errorType":"Error","errorMessage":"cannot connect to the database at import time"\}$/m,
    )
    expect(lines(run).filter((line) => line.startsWith('sluice:'))).toEqual([])
  }, 60_000)
})

describe('sluice invoke --count on a terminal', () => {
  it('draws the progress bar, then every response with its count and the summary', async () => {
    const run = await sluice(['invoke', 'test/fixtures/runtime/counter.ts', '-n', '3'], 'tty')
    expect(run.code).toBe(0)
    expect(run.text).toContain('3/3')
    expect(run.output).toContain('\r\u001b[2K')
    expect(run.text).toMatch(/^Responses: 3 invocations, 3 distinct$/m)
    expect(run.text).toMatch(/^ {2}1× \{"invocations":1,/m)
    expect(run.text).toMatch(/│ invocations +│ 3 on 1 container\(s\)/)
  }, 60_000)
})
