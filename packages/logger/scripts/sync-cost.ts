// What synchronous logging costs, in lines per millisecond, on this machine: how long N log lines keep the
// event loop (and so the timeout guard's timer) from running. Not a test; run it and read the table:
//
//   npx -y pnpm@10.20.0 exec node packages/logger/scripts/sync-cost.ts
//
// Each case logs through an invocation's `context.log` (default redaction on) to fd 1, synchronously, as in
// Lambda. Destinations: /dev/null (the logger's own cost) and a pipe drained by a parent process, as Lambda's
// stdout is (a full pipe blocks every write until the reader makes room); on the pipe, sluice's stdout
// destination is compared with pino's `sync: true` one, which sleeps 100 ms each time the pipe is full.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import { pino } from 'pino'
import { logger } from '../src/logger.ts'

const LINES = 20_000
const ROUNDS = 7
const event = JSON.parse(
  readFileSync(
    new URL('../../../test/fixtures/corpora/aws-lambda-go/apigw-request.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>

const shapes: Record<string, (i: number) => [Record<string, unknown>, string]> = {
  'small (3 fields, ~300 B)': (i) => [{ orderId: `o-${i}`, cents: 1250, express: true }, 'order accepted'],
  'payload (200-char field, ~500 B)': (i) => [{ i, payload: 'x'.repeat(200) }, 'line'],
  'API Gateway event (~3 KB)': () => [{ event }, 'event'],
}

/** sluice's stdout destination, or pino's `pino.destination({ fd: 1, sync: true })` for comparison. */
type Writer = 'sluice' | 'pino'

/** Child: logs LINES lines of one shape to fd 1 per round and reports the ms each round took on stderr. */
const measure = async (shape: string, writer: Writer): Promise<void> => {
  const make = shapes[shape]
  if (make === undefined) throw new Error(`unknown shape ${shape}`)
  // Touch process.stdout as the Lambda runtime does: Node then makes fd 1 non-blocking (full pipe → EAGAIN).
  void process.stdout.writableLength
  const destination = writer === 'pino' ? { destination: pino.destination({ fd: 1, sync: true }) } : {}
  const times: number[] = []
  const handler = lambda()
    .use(logger({ ...destination, pretty: false }))
    .handler((_event, context) => {
      const start = performance.now()
      for (let i = 0; i < LINES; i++) {
        const [fields, message] = make(i)
        context.log.info(fields, message)
      }
      times.push(performance.now() - start)
    })
  for (let round = 0; round < ROUNDS; round++) await handler({}, createContext())
  process.stderr.write(`${JSON.stringify(times)}\n`)
}

/** Parent: runs the child with stdout on /dev/null or on a pipe it drains, and returns the round times. */
const run = (shape: string, sink: 'devnull' | 'pipe', writer: Writer): Promise<number[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), shape, writer], {
      stdio: ['ignore', sink === 'pipe' ? 'pipe' : 'ignore', 'pipe'],
    })
    child.stdout?.on('data', () => {})
    let report = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      report += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(report) as number[]) : reject(new Error(`child failed: ${report}`)),
    )
  })

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const [shape, writer] = process.argv.slice(2)
if (shape !== undefined) await measure(shape, writer === 'pino' ? 'pino' : 'sluice')
else {
  console.log(`Node ${process.version}, ${LINES} lines per round, ${ROUNDS} rounds; lines/ms (median, best)`)
  for (const name of Object.keys(shapes)) {
    for (const [sink, writer] of [
      ['devnull', 'sluice'],
      ['pipe', 'sluice'],
      ['pipe', 'pino'],
    ] as const) {
      const times = await run(name, sink, writer)
      const rate = (ms: number) => Math.round(LINES / ms)
      const cell = `${rate(median(times))} (best ${rate(Math.min(...times))})`
      console.log(`${name.padEnd(34)} ${`${sink}, ${writer}`.padEnd(14)} ${cell}`)
    }
  }
}
