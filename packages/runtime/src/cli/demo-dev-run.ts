import { relative } from 'node:path'
import type { DevConfig } from '../dev/dev-config.ts'
import type { DevLine } from '../dev/dev-line.ts'
import { loadConfig } from '../dev/load-config.ts'
import { type DevOptions, startDev } from '../dev/start-dev.ts'
import { SluiceRuntimeError } from '../errors.ts'
import type { InvocationResult } from '../invocation.ts'
import { DEMO_END_STATES, type DemoDevRun, type DemoEndState } from './demo-dev-config.ts'
import { demoInvalid } from './demo-fields.ts'
import { devLineText } from './dev-lines.ts'
import { loadEvent } from './event-source.ts'
import type { CliIo } from './io.ts'
import type { Style } from './style.ts'
import { whatBecameOfMessages, whatHappened } from './what-happened.ts'

/** Real ms a run waits for its sources to be quiet: generous, the machine may be busy. */
const QUIET_MS = 60_000

/** Where a dev run comes from, for its paths and error messages. */
export interface DemoDevPlace {
  /** The example's directory: `dev`, `warm` and `send` files are relative to it. */
  readonly dir: string
  /** `sqs-orders#3`, for error messages. */
  readonly label: string
  /** Variables every function of the config gets under its own (the demo's embedded defaults). */
  readonly env: Readonly<Record<string, string>>
}

/**
 * Runs a demo.json run through its `sluice.config.ts` as `sluice dev` would (no file watching, no state file, a
 * free port for everything): warms the functions it names, sends its messages, prints the lines `sluice dev`
 * prints until every source is quiet, then what happened to the invocations and the messages. Resolves false when
 * the messages did not end as `expect` counts them (a state it does not name is expected 0 times).
 *
 * @example
 * const ok = await runDevDemo(run, { dir: 'examples/sqs-orders', label: 'sqs-orders#3', env: DEMO_ENV }, io, style)
 */
export async function runDevDemo(
  run: DemoDevRun,
  place: DemoDevPlace,
  io: CliIo,
  style: Style,
): Promise<boolean> {
  const write = (line: string) => io.stdout.write(`${line}\n`)
  const pretty = io.stdout.isTTY === true
  const { config, dir, file } = await loadConfig(run.dev, place.dir)
  const results: InvocationResult[] = []
  const onLine = (line: DevLine) => {
    if (line.kind === 'invocation') results.push(line.result)
    for (const text of devLineText(line, style, pretty)) write(text)
  }
  const options: DevOptions = {
    cwd: dir,
    timeScale: run.timeScale,
    port: 0,
    stateFile: false,
    watch: false,
    onLine,
  }
  await using dev = await startDev(withEnv(config, place.env), options)
  const sources = [...dev.sources.keys()].join(', ')
  write(
    style.dim(`sluice dev ${relative(place.dir, file)}: sources ${sources}, time scale ${run.timeScale}×`),
  )
  for (const [name, event] of Object.entries(run.warm)) {
    const target = dev.functions.get(name)
    if (target === undefined) throw missing(place.label, 'warm', name, dev.functions.keys())
    write(style.dim(`warming ${name}: a cold start takes real time, which the time scale does not shorten`))
    await target.invoke(await loadEvent(event, place.dir, io.stdin))
  }
  for (const [name, input] of Object.entries(run.send)) {
    const source = dev.sources.get(name)
    if (source === undefined) throw missing(place.label, 'send', name, dev.sources.keys())
    const ids = await source.send(await loadEvent(input, place.dir, io.stdin))
    write(style.dim(`sent ${ids.length} message(s) to ${name} from ${input}`))
  }
  try {
    await Promise.all([...dev.sources.values()].map((source) => source.quiet({ timeoutMs: QUIET_MS })))
  } catch (error) {
    if (!(error instanceof SluiceRuntimeError) || error.code !== 'EVENT_SOURCE_NOT_QUIET') throw error
    write(style.red(`  the sources were not quiet after ${QUIET_MS / 1000} s: ${error.message}`))
    return false
  }
  const fates = [...dev.sources.values()].flatMap((source) => source.fates())
  write(style.bold('What happened'))
  for (const line of [...whatHappened(results), ...whatBecameOfMessages(fates)]) write(`  ${line}`)
  const expected = tally((state) => run.expect[state] ?? 0)
  const got = tally((state) => fates.filter((fate) => fate.state === state).length)
  if (expected === got) return true
  write(style.red(`  expected the messages to end as ${expected}; they ended as ${got}`))
  return false
}

/** `4 processed, 1 dlq`: the end states counted above 0 (or `nothing`). After `quiet`, every message has ended. */
function tally(count: (state: DemoEndState) => number): string {
  const states = DEMO_END_STATES.filter((state) => count(state) > 0)
  return states.map((state) => `${count(state)} ${state}`).join(', ') || 'nothing'
}

function withEnv(config: DevConfig, env: Readonly<Record<string, string>>): DevConfig {
  const functions = Object.entries(config.functions).map(([name, fn]) => [
    name,
    { ...fn, env: { ...env, ...fn.env } },
  ])
  return { ...config, functions: Object.fromEntries(functions) }
}

function missing(label: string, field: string, name: string, known: Iterable<string>): SluiceRuntimeError {
  return demoInvalid(
    label,
    `"${field}" names ${name}, which the config does not have: use ${[...known].join(', ')}`,
  )
}
