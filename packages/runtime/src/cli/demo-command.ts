import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startRuntime } from '../start-runtime.ts'
import type { DemoExample, DemoInvokeRun, DemoRun } from './demo-config.ts'
import { findDemos } from './demo-config.ts'
import { runDevDemo } from './demo-dev-run.ts'
import { loadEvent } from './event-source.ts'
import { formatInvocation, formatResponse } from './format-invocation.ts'
import type { CliIo } from './io.ts'
import { runMany } from './run-many.ts'
import { createStreamPrinter } from './stream-printer.ts'
import { createStyle, type Style } from './style.ts'
import { whatHappened } from './what-happened.ts'

/** Variables every demo run gets: embedded defaults instead of cloud resources. */
export const DEMO_ENV: Readonly<Record<string, string>> = {
  SLUICE_DEMO: '1',
  SLUICE_IDEMPOTENCY_STORE: 'memory',
}

/**
 * `sluice demo [--dir examples]`: runs every example that has a `demo.json` through the local runtime and
 * shows logs, REPORT lines and what happened; a run with `"dev"` goes through its `sluice.config.ts` as
 * `sluice dev` would, with its event sources. Returns 1 when a run did not end as its `expect` says.
 *
 * @example
 * process.exitCode = await demoCommand([], processIo())
 */
export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { dir: { type: 'string' } } })
  const examples = await findDemos(join(io.cwd, values.dir ?? 'examples'))
  const style = createStyle(io.stdout.isTTY === true, io.env)
  if (examples.length === 0) {
    io.stderr.write(`sluice: no examples/*/demo.json under ${io.cwd}: run this from the repository root\n`)
    return 1
  }
  let failures = 0
  for (const example of examples) {
    for (const [index, run] of example.runs.entries()) {
      if (!(await demoRun(example, run, index, io, style))) failures += 1
    }
  }
  const verdict =
    failures === 0
      ? style.green('all demo runs behaved as expected')
      : style.red(`${failures} run(s) did not`)
  io.stdout.write(`\n${verdict}\n`)
  return failures === 0 ? 0 : 1
}

async function demoRun(
  example: DemoExample,
  run: DemoRun,
  index: number,
  io: CliIo,
  style: Style,
): Promise<boolean> {
  const write = (line: string) => io.stdout.write(`${line}\n`)
  write('')
  write(style.bold(`━━ ${example.name} · ${run.title} ━━`))
  if (run.explain !== undefined) write(style.dim(run.explain))
  if (run.kind === 'dev') {
    const place = { dir: example.dir, label: `${example.name}#${index + 1}`, env: DEMO_ENV }
    return runDevDemo(run, place, io, style)
  }
  return invokeRun(example, run, io, style)
}

async function invokeRun(
  example: DemoExample,
  run: DemoInvokeRun,
  io: CliIo,
  style: Style,
): Promise<boolean> {
  const write = (line: string) => io.stdout.write(`${line}\n`)
  const event = await loadEvent(run.event, example.dir, io.stdin)
  const runtime = await startRuntime({
    handler: run.handler,
    cwd: example.dir,
    concurrency: run.concurrency,
    env: { ...DEMO_ENV, ...run.env },
    logFormat: 'json',
    idleTimeoutMs: 60_000,
    ...(run.timeoutMs === undefined ? {} : { timeoutMs: run.timeoutMs }),
    ...(run.memoryMb === undefined ? {} : { memoryMb: run.memoryMb }),
    ...(run.maxConcurrency === undefined ? {} : { maxConcurrency: run.maxConcurrency }),
    ...(run.workers === undefined ? {} : { workers: run.workers }),
  })
  const pretty = io.stdout.isTTY === true
  const printer = createStreamPrinter({ print: (text) => io.stdout.write(text) }, style, {
    labelled: run.count > 1,
    pretty,
  })
  try {
    const live = (index: number) => printer.listen(index)
    const results = await runMany(runtime, event, { ...run, live }, (result, index) => {
      printer.end(index)
      for (const line of formatInvocation(result, style, pretty)) write(line)
      write(`${style.bold('Response')} ${formatResponse(result)}`)
    })
    write(style.bold('What happened'))
    for (const line of whatHappened(results)) write(`  ${line}`)
    const unexpected = results.filter((result) => result.report.status !== run.expect)
    if (unexpected.length > 0) write(style.red(`  expected every invocation to end as ${run.expect}`))
    return unexpected.length === 0
  } finally {
    await runtime.stop()
  }
}
