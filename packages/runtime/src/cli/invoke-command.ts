import { relative } from 'node:path'
import { SluiceRuntimeError } from '../errors.ts'
import type { InvocationResult } from '../invocation.ts'
import { startRuntime } from '../start-runtime.ts'
import { parseInvokeArgs } from './args.ts'
import { asyncInvokeCommand } from './async-invoke-command.ts'
import { loadEvent } from './event-source.ts'
import { formatInvocation, formatResponse, formatResponses } from './format-invocation.ts'
import { invocationJson } from './invocation-json.ts'
import type { CliIo } from './io.ts'
import { memoryWarning } from './memory-warning.ts'
import { createProgressBar } from './progress-bar.ts'
import { runMany } from './run-many.ts'
import { setupFailure } from './setup-failure.ts'
import { createStreamPrinter } from './stream-printer.ts'
import { createStyle } from './style.ts'
import { summarize } from './summary.ts'
import { summaryTable } from './summary-table.ts'

/**
 * `sluice invoke <file#export>`: runs the handler through the real RIC `--count` times and prints logs,
 * REPORT lines and a summary (or one JSON document with `--json`). Returns the exit code: 0 when every
 * invocation succeeded, 1 otherwise.
 *
 * @example
 * process.exitCode = await invokeCommand(['examples/hello/handler.ts#handler', '--count', '3'], processIo())
 */
export async function invokeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseInvokeArgs(argv)
  if (args.async !== undefined) return asyncInvokeCommand(args, args.async, io)
  const event = await loadEvent(args.event, io.cwd, io.stdin)
  const runtime = await startRuntime({ ...args, cwd: io.cwd, logFormat: 'json' })
  const style = createStyle(io.stdout.isTTY === true, io.env)
  const pretty = io.stdout.isTTY === true
  const bar = createProgressBar(io.stderr, args.count)
  const shownPath = relative(io.cwd, runtime.handler.file) || runtime.handler.file
  let fatal: string | undefined
  let failed = 0
  let done = 0
  const stopOnSignal = () => void runtime.stop()
  process.once('SIGINT', stopOnSignal)
  // Streamed bodies are shown as they arrive (not with --json: stdout holds one JSON document there).
  const labelled = args.count > 1
  const printer = createStreamPrinter({ print: (text) => bar.above(() => io.stdout.write(text)) }, style, {
    labelled,
    pretty,
  })
  try {
    const onResult = (result: InvocationResult, index: number) => {
      printer.end(index)
      done += 1
      if (result.error !== undefined) failed += 1
      fatal ??= setupFailure(result, runtime.handler, shownPath)
      if (fatal !== undefined) return bar.update(done, failed)
      if (args.json) {
        // stdout holds the one JSON document; the warning goes where a person running it still sees it.
        const warning = memoryWarning(result.report)
        if (warning !== undefined) bar.above(() => io.stderr.write(`${style.yellow(warning)}\n`))
        return bar.update(done, failed)
      }
      bar.above(() => {
        for (const line of formatInvocation(result, style, pretty)) io.stdout.write(`${line}\n`)
        if (args.count === 1) io.stdout.write(`${style.bold('Response')} ${formatResponse(result, 10_000)}\n`)
      })
      bar.update(done, failed)
    }
    const live = args.json ? {} : { live: (index: number) => printer.listen(index) }
    const results = await runMany(runtime, event, { ...args, ...live }, onResult, () => fatal !== undefined)
    bar.clear()
    if (fatal !== undefined) throw new SluiceRuntimeError('HANDLER_NOT_LOADABLE', fatal)
    const summary = summarize(results)
    if (args.json) {
      const { memoryMb, timeoutMs, count, concurrency, maxConcurrency, workers } = args
      const managed = maxConcurrency === undefined ? {} : { maxConcurrency, workers: workers ?? 1 }
      const tenants = args.tenantIds.length === 0 ? {} : { tenantIds: args.tenantIds }
      const config = { memoryMb, timeoutMs, count, concurrency, ...managed, ...tenants }
      io.stdout.write(
        `${JSON.stringify({ handler: args.handler, config, invocations: results.map(invocationJson), summary }, null, 2)}\n`,
      )
    } else {
      const responses = args.count > 1 ? ['', ...formatResponses(results, style)] : []
      for (const line of responses) io.stdout.write(`${line}\n`)
      io.stdout.write(`\n${summaryTable(summary, runtime.config.prices, style)}\n`)
    }
    return failed === 0 ? 0 : 1
  } finally {
    // A failed or interrupted run (Ctrl-C) must not leave the bar on the terminal.
    bar.clear()
    process.off('SIGINT', stopOnSignal)
    await runtime.stop()
  }
}
