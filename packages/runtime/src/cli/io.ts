/** Where the CLI reads and writes; `process` in production, fakes in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean }
  readonly stdin: AsyncIterable<Buffer | string>
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The real process streams, working directory and environment.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), processIo())
 */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  }
}
