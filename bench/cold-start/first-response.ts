import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** What a fresh process measured around one handler module. */
export interface FirstResponse {
  /** `await import(bundle)`: the module-scope work Lambda counts as INIT for an ESM handler. */
  readonly importMs: number
  /** Import plus the first invocation, until its response: what the first caller waits (time to first response). */
  readonly firstResponseMs: number
  /** Resident set size right after the import, before any invocation. */
  readonly rssAfterImport: number
  /** V8 heap in use right after the import. */
  readonly heapAfterImport: number
  /** The first response (JSON), when the handler was invoked. */
  readonly response?: unknown
}

// The child builds its Lambda context by hand, from nothing: importing a helper (say @sluice/testing) before the
// clock starts would warm up Node built-ins the bundle then gets for free.
const child = (url: string, eventFile: string | undefined) => `
import { readFileSync, writeSync } from 'node:fs'
const event = ${eventFile === undefined ? 'undefined' : `JSON.parse(readFileSync(${JSON.stringify(eventFile)}, 'utf8'))`}
const started = Date.now()
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '1024',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
  awsRequestId: '6d3f1e8a-2b4c-4d5e-8f90-a1b2c3d4e5f6',
  logGroupName: '/aws/lambda/bench', logStreamName: '2025/01/01/[$LATEST]0123456789abcdef',
  getRemainingTimeInMillis: () => 30000 - (Date.now() - started),
  done() {}, fail() {}, succeed() {},
}
const t0 = performance.now()
const mod = await import(${JSON.stringify(url)})
const t1 = performance.now()
const rssAfterImport = process.memoryUsage.rss()
const heapAfterImport = process.memoryUsage().heapUsed
const out = { importMs: t1 - t0, firstResponseMs: t1 - t0, rssAfterImport, heapAfterImport }
if (event !== undefined) {
  out.response = await mod.handler(event, context)
  out.firstResponseMs = performance.now() - t0
}
writeSync(3, JSON.stringify(out))
process.exit(0)
`

/**
 * Runs `file` in a fresh Node process: imports it, then (with an `event`) invokes its `handler` once, and reports
 * the times from just before the import to the end of the import and to the first response, and the memory
 * after the import. Lambda-like environment outside Lambda: no AWS_EXECUTION_ENV (tracing off on both sides), a
 * fresh TMPDIR, stdout and stderr to /dev/null (log lines are written, nobody reads them). A handler that throws
 * fails the run with its stderr.
 *
 * @example
 * const { firstResponseMs } = await firstResponse('/tmp/out/handler.mjs', { event: { Records: [] } })
 */
export async function firstResponse(
  file: string,
  options: { readonly env?: Readonly<Record<string, string>>; readonly event?: unknown } = {},
): Promise<FirstResponse> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-first-response-'))
  try {
    let eventFile: string | undefined
    if (options.event !== undefined) {
      eventFile = join(dir, 'event.json')
      await writeFile(eventFile, JSON.stringify(options.event))
    }
    const tmp = join(dir, 'tmp')
    await mkdir(tmp)
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      AWS_REGION: 'us-east-1',
      TMPDIR: tmp,
      ...options.env,
    }
    const code = child(pathToFileURL(resolve(file)).href, eventFile)
    const proc = spawn(process.execPath, ['--input-type=module', '-e', code], {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    const chunks: Buffer[] = []
    const errors: Buffer[] = []
    proc.stdio[3]?.on('data', (chunk: Buffer) => chunks.push(chunk))
    proc.stderr?.on('data', (chunk: Buffer) => errors.push(chunk))
    const exit = await new Promise<number | null>((done, fail) => {
      proc.once('error', fail)
      proc.once('close', done)
    })
    const text = Buffer.concat(chunks).toString()
    if (exit !== 0 || text === '') {
      throw new Error(`${file} exited with ${exit}: ${Buffer.concat(errors).toString().slice(-2000)}`)
    }
    return JSON.parse(text) as FirstResponse
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
