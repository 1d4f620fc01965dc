import { relative } from 'node:path'
import { SluiceRuntimeError } from '../errors.ts'
import { type AsyncAttempt, asyncInvoker } from '../event-sources/async-invoker.ts'
import { startRuntime } from '../start-runtime.ts'
import type { AsyncInvokeArgs, InvokeArgs } from './args.ts'
import { acceptedLine, attemptLine, outcomeLine, retryLine } from './async-lines.ts'
import { loadEvent } from './event-source.ts'
import { formatInvocation, formatResponse } from './format-invocation.ts'
import { invocationJson } from './invocation-json.ts'
import type { CliIo } from './io.ts'
import { setupFailure } from './setup-failure.ts'
import { createStyle } from './style.ts'

/** The CLI keeps both records, so it can print whichever the event ends with. */
const DESTINATIONS = { onSuccess: { destination: 'on-success' }, onFailure: { destination: 'on-failure' } }

/**
 * `sluice invoke <file#export> --async`: sends the event as an `InvocationType: Event` invoke, prints the request id
 * at once, then each attempt (START/END/REPORT), the waits between retries (Lambda time, shortened by
 * `--time-scale`) and the destination record. Returns 0 once the event was accepted, as Lambda's Invoke does.
 *
 * @example
 * process.exitCode = await asyncInvokeCommand(args, args.async, processIo())
 */
export async function asyncInvokeCommand(
  args: InvokeArgs,
  settings: AsyncInvokeArgs,
  io: CliIo,
): Promise<number> {
  const event = await loadEvent(args.event, io.cwd, io.stdin)
  const runtime = await startRuntime({ ...args, cwd: io.cwd, logFormat: 'json' })
  const style = createStyle(io.stdout.isTTY === true, io.env)
  const shownPath = relative(io.cwd, runtime.handler.file) || runtime.handler.file
  const { timeScale, ...config } = settings
  const invoker = asyncInvoker({ function: runtime, timeScale, ...config, destinationConfig: DESTINATIONS })
  const print = (line: string) => (args.json ? undefined : io.stdout.write(`${line}\n`))
  const attempts: AsyncAttempt[] = []
  // A handler that cannot load, or Ctrl-C, ends the run without waiting for the retries.
  let interrupt: (error: SluiceRuntimeError) => void = () => {}
  const interrupted = new Promise<never>((_, reject) => {
    interrupt = reject
  })
  // Marked handled now: an interrupt can come before the race below listens.
  interrupted.catch(() => {})
  const stopOnSignal = () => interrupt(new SluiceRuntimeError('RUNTIME_STOPPED', 'interrupted'))
  process.once('SIGINT', stopOnSignal)
  try {
    const sentAt = invoker.time.now()
    invoker.onAttempt((attempt) => {
      attempts.push(attempt)
      const fatal = setupFailure(attempt.result, runtime.handler, shownPath)
      if (fatal !== undefined) return interrupt(new SluiceRuntimeError('HANDLER_NOT_LOADABLE', fatal))
      print(attemptLine(attempt, config.maximumRetryAttempts + 1, sentAt, style))
      for (const line of formatInvocation(attempt.result, style, io.stdout.isTTY === true)) print(line)
      if (attempt.result.error === undefined)
        print(`${style.bold('Response')} ${formatResponse(attempt.result, 10_000)}`)
      if (attempt.retryInMs !== undefined)
        print(retryLine(attempt, config.maximumRetryAttempts, timeScale, style))
    })
    // One event, even when it is a JSON array (send takes a list of events).
    const [requestId = ''] = await invoker.send([event])
    print(acceptedLine(requestId, invoker.config, timeScale, style))
    await Promise.race([invoker.quiet(), interrupted])
    const [fate] = invoker.fates()
    const { onSuccess = [], onFailure = [] } = invoker.outputs()
    const [place, record] = onSuccess.length > 0 ? ['onSuccess', onSuccess[0]] : ['onFailure', onFailure[0]]
    if (args.json) {
      const shown = attempts.map(({ result, at, ...attempt }) => ({
        ...attempt,
        atMs: at - sentAt,
        invocation: invocationJson(result),
      }))
      const configJson = {
        memoryMb: args.memoryMb,
        timeoutMs: args.timeoutMs,
        invocationType: 'Event',
        ...invoker.config,
        timeScale,
      }
      const doc = {
        handler: args.handler,
        config: configJson,
        statusCode: 202,
        requestId,
        attempts: shown,
        fate,
        destination: { place, record },
      }
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`)
      return 0
    }
    print(`\n${outcomeLine(fate, style)}`)
    print(
      style.bold(place === 'onSuccess' ? 'On-success destination record:' : 'On-failure destination record:'),
    )
    print(JSON.stringify(record, null, 2))
    return 0
  } finally {
    process.off('SIGINT', stopOnSignal)
    await invoker.stop()
    await runtime.stop()
  }
}
