import { relative } from 'node:path'
import type { DevLine } from '../dev/dev-line.ts'
import { devStateFile } from '../dev/dev-state.ts'
import { loadConfig } from '../dev/load-config.ts'
import { type DevServer, startDev } from '../dev/start-dev.ts'
import { parseDevArgs } from './dev-args.ts'
import { devLineJson, devLineText } from './dev-lines.ts'
import { createLiveView, liveTable } from './dev-live-view.ts'
import type { CliIo } from './io.ts'
import { createStyle } from './style.ts'

/** `sluice dev` help, shown by `sluice --help`. */
export const DEV_HELP = `Options of dev (sluice dev [sluice.config.ts]):
      --time-scale <n>     Lambda seconds per real second for every delay (default the config's, else 1)
      --port <n>           HTTP front door port (default the config's, else 3000; 0 picks a free one)
      --control-port <n>   port of the endpoint sluice send posts to (default 0: a free one)
      --no-watch           do not reload functions when their files change
      --json               print every invocation, batch, fate step and request as one JSON line

Options of send (sluice send <source> <json | file | ->):
      --url <url>          control endpoint (default: the one in .sluice/dev.json of this folder)
`

/**
 * `sluice dev [config]`: starts the functions of `sluice.config.ts` with their event sources, HTTP front door and
 * control endpoint, prints what happens (Lambda-like lines, a live table on a terminal), reloads functions on
 * edits, and stops everything on SIGINT or SIGTERM (exit code 0).
 *
 * @example
 * process.exitCode = await devCommand(['examples/sqs-orders/sluice.config.ts', '--time-scale', '100'], processIo())
 */
export async function devCommand(
  argv: readonly string[],
  io: CliIo,
  signals: Pick<NodeJS.Process, 'once' | 'off'> = process,
): Promise<number> {
  const args = parseDevArgs(argv)
  const { config, dir, file } = await loadConfig(args.config, io.cwd)
  const tty = io.stdout.isTTY === true && !args.json
  const style = createStyle(tty, io.env)
  let dev: DevServer | undefined
  const view = createLiveView(tty ? io.stdout : { write: (text) => io.stdout.write(text) }, () =>
    dev === undefined ? '' : liveTable(dev.sources.values(), style),
  )
  const onLine = (line: DevLine) => {
    if (args.json) io.stdout.write(`${devLineJson(line)}\n`)
    else view.print(devLineText(line, style, tty))
    view.refresh()
  }
  let onSignal: (signal: NodeJS.Signals) => void = () => {}
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve
  })
  signals.once('SIGINT', onSignal)
  signals.once('SIGTERM', onSignal)
  try {
    dev = await startDev(config, {
      cwd: dir,
      ...(args.timeScale === undefined ? {} : { timeScale: args.timeScale }),
      ...(args.port === undefined ? {} : { port: args.port }),
      controlPort: args.controlPort,
      stateFile: devStateFile(io.cwd),
      watch: args.watch,
      onLine,
    })
  } finally {
    // Ctrl-C while starting: startDev stopped what it started; the default handler ends the process next time.
    if (dev === undefined) for (const signal of ['SIGINT', 'SIGTERM'] as const) signals.off(signal, onSignal)
  }
  const { timeScale } = dev
  if (args.json) {
    const ready = { type: 'ready', config: file, control: dev.control.url, http: dev.http?.url, timeScale }
    io.stdout.write(
      `${JSON.stringify({ ...ready, functions: [...dev.functions.keys()], sources: [...dev.sources.keys()] })}\n`,
    )
  } else {
    const shown = relative(io.cwd, file) || file
    const sources = [...dev.sources.keys()].join(', ') || 'none'
    view.print([
      style.bold(
        `sluice dev ${shown}: ${dev.functions.size} function(s), sources: ${sources}, time scale ${timeScale}×`,
      ),
      `  control ${dev.control.url}  (sluice send <source> <json | file | ->)`,
      ...(dev.http?.routes ?? []).map((route) => `  ${route.type} ${route.routeKey}  ${route.url}`),
      style.dim('  Ctrl-C stops'),
    ])
  }
  const signal = await stopped
  for (const other of ['SIGINT', 'SIGTERM'] as const) signals.off(other, onSignal)
  view.stop()
  await dev.stop()
  if (!args.json) io.stdout.write(`sluice dev: stopped (${signal})\n`)
  return 0
}
