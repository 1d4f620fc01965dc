import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * How long `await import(file)` takes in a fresh Node process, in ms: the module-scope work Lambda counts as
 * INIT for an ESM handler. The process exits as soon as the import resolves, so background work the module only
 * started (a prefetch) is not counted.
 *
 * @example
 * const ms = await importOnce('/tmp/out/sqs-orders/handler.mjs', { AWS_REGION: 'us-east-1' })
 */
export async function importOnce(file: string, env: Readonly<Record<string, string>>): Promise<number> {
  const url = pathToFileURL(resolve(file)).href
  const code = `const t=performance.now();await import(${JSON.stringify(url)});process.stdout.write(String(performance.now()-t));process.exit(0)`
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
    // a Lambda-like environment outside Lambda: no AWS_EXECUTION_ENV, so tracing is off for both subjects
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AWS_REGION: 'us-east-1', ...env },
    timeout: 30_000,
  })
  const ms = Number(stdout)
  if (!Number.isFinite(ms)) throw new Error(`importing ${file} printed ${JSON.stringify(stdout)}`)
  return ms
}

/** The median of a non-empty list. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
