import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import { demoCommand } from './demo-command.ts'
import { DEV_HELP, devCommand } from './dev-command.ts'
import { invokeCommand } from './invoke-command.ts'
import type { CliIo } from './io.ts'
import { PACKAGE_HELP, packageCommand } from './package-command.ts'
import { sendCommand } from './send-command.ts'

const HELP = `sluice: run Lambda handlers locally through the real aws-lambda-ric, no Docker

Usage:
  sluice invoke <file#export> [options]   invoke a handler (file.ts, .js or .mjs; export defaults to handler)
  sluice demo [--dir examples]             run every examples/*/demo.json
  sluice package <file#export> --out <dir> bundle and zip the handler as Lambda runs it (index.mjs)
  sluice dev [sluice.config.ts]            run functions with their queues, streams and HTTP routes, reloading on edits
  sluice send <source> <json | file | ->   put a message into a source of the running sluice dev

Options of invoke:
  -e, --event <src>        event: a JSON file, - for stdin, inline JSON, or builder:sqs?records=10
  -m, --memory <mb>        memory size in MB, 128 to 10240 (default 128)
  -t, --timeout <ms|Ns>    function timeout, ms or seconds with s, 1s to 900s (default 3000)
  -n, --count <n>          invocations to run (default 1); above 1, the distinct responses are shown
  -c, --concurrency <n>    invocations in flight at most, 1 to 1000 (default 1; one container each)
      --max-concurrency <m> Managed Instances mode: up to m in flight per container (⌈n / m⌉ containers)
      --workers <w>        runtime worker threads per container with --max-concurrency, 1 to 64 (default 1)
      --tenant-id <a[,b]>  tenant id(s), spread over the invocations; a container serves one tenant only
      --env KEY=VALUE      environment variable for the function (repeatable)
      --port <n>           first Runtime API port (default 0: free ports)
      --idle-timeout <ms>  kill containers idle this long (default 300000)
      --json               print one JSON document (invocations and summary) and nothing else
      --async              invoke with InvocationType Event: 202 at once, Lambda's retries, the destination record
      --max-retry-attempts <n> with --async: retries after a function error, 0 to 2 (default 2)
      --max-event-age <s>  with --async: drop an event older than this, 60 to 21600 s (default 21600)
      --time-scale <x>     with --async: Lambda seconds per real second (default 1; 600 makes 1 minute 0.1 s)

${PACKAGE_HELP}
${DEV_HELP}
Exit codes: 0 all invocations succeeded, 1 some failed, 2 bad input (the message says what to do).
`

/** Exit code for input the user must fix (bad arguments, missing files, port in use). */
export const EXIT_USAGE = 2

/**
 * Runs the `sluice` CLI and returns its exit code. Every failure becomes one line on stderr.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), processIo())
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === 'invoke') return await invokeCommand(rest, io)
    if (command === 'demo') return await demoCommand(rest, io)
    if (command === 'package') return await packageCommand(rest, io)
    if (command === 'dev') return await devCommand(rest, io)
    if (command === 'send') return await sendCommand(rest, io)
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP)
      return command === undefined ? EXIT_USAGE : 0
    }
    io.stderr.write(
      `sluice: unknown command "${command}": use sluice invoke or sluice demo (sluice --help)\n`,
    )
    return EXIT_USAGE
  } catch (error) {
    if (error instanceof SluiceRuntimeError && error.code === 'RUNTIME_STOPPED') return 130
    const message = errorMessage(error)
    io.stderr.write(`sluice: ${message.split('\n')[0]}\n`)
    return error instanceof SluiceRuntimeError || isParseArgsError(error) ? EXIT_USAGE : 1
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
}
