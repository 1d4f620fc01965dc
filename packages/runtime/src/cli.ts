import { processIo } from './cli/io.ts'
import { main } from './cli/main.ts'

/**
 * Runs the `sluice` CLI on this process's arguments and streams; the exit code goes to `process.exitCode`.
 *
 * @example
 * await runCli() // what `sluice invoke …` and `sluice demo` call
 */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await main(argv, processIo())
}
