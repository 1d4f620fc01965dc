import { lambdaTimeoutError, timedOutMessage } from '@sluice/testing'
import type { ProcessExit, RuntimeProcess } from './container-process.ts'
import { newTraceId } from './ids.ts'
import type { InvocationResult, InvokeOptions } from './invocation.ts'
import { exitError, type LambdaErrorBody } from './platform-errors.ts'
import { buildReport, type ReportInput } from './report.ts'
import type { StreamListener } from './response-stream.ts'
import type { RicContainer } from './ric-container.ts'
import type { InvocationOutcome, RuntimeApiServer } from './runtime-api-server.ts'
import { type StreamedFields, streamedResult } from './streamed-result.ts'

/** What {@link runInvocation} gets from its container. */
export interface RunInvocationInput {
  readonly container: RicContainer
  readonly api: RuntimeApiServer
  readonly process: RuntimeProcess
  readonly init: { ok: true } | { ok: false; error: (requestId: string) => LambdaErrorBody }
  readonly initDurationMs: number | undefined
  readonly coldStart: boolean
  readonly event: unknown
  readonly options: InvokeOptions
  readonly requestId: string
  /** Registers the listener the Runtime API calls when the event leaves for the runtime. */
  readonly onDelivered: (listener: () => void) => void
  /** Whether a log line belongs to this invocation (others may be in flight in the same process). */
  readonly ownsLine: (line: string) => boolean
}

type Ended = InvocationOutcome | { kind: 'timeout' } | ({ kind: 'exit' } & ProcessExit)

/**
 * Runs one invocation on a ready (or failed) container: delivers the event, enforces the deadline with
 * SIGKILL, and turns what happened into Lambda's result or error plus a REPORT.
 *
 * @example
 * const result = await runInvocation({ container, api, process, init, … })
 */
export async function runInvocation(
  input: RunInvocationInput,
): Promise<Omit<InvocationResult, 'concurrency'>> {
  const { config } = input.container
  const { requestId } = input
  if (!input.init.ok) return finish(input, { error: input.init.error(requestId) }, 0, 'init-failed')
  let deliveredAt: number | undefined
  let timer: NodeJS.Timeout | undefined
  let settled = false
  const ended = await new Promise<Ended>((resolve) => {
    input.onDelivered(() => {
      deliveredAt = performance.now()
      timer = setTimeout(() => resolve({ kind: 'timeout' }), config.timeoutMs)
    })
    const live = liveStream(
      input.options,
      () => deliveredAt ?? performance.now(),
      () => settled,
    )
    void input.api.deliver(deliveryOf(input), live).then(resolve)
    void input.process.exited.then((exit) => resolve({ kind: 'exit', ...exit }))
  })
  settled = true
  clearTimeout(timer)
  const elapsed = deliveredAt === undefined ? 0 : performance.now() - deliveredAt
  switch (ended.kind) {
    case 'response':
      return finish(input, { result: parseJson(ended.payload) }, elapsed, 'returned')
    case 'stream':
      return finish(input, streamedResult(ended.stream, deliveredAt ?? 0), elapsed, 'returned')
    case 'error':
      return finish(input, { error: ended.error }, elapsed, 'returned')
    case 'timeout':
      return finish(
        input,
        { error: lambdaTimeoutError(config.timeoutMs, requestId) },
        config.timeoutMs,
        'timed-out',
      )
    case 'exit':
      return finish(input, { error: exitError(requestId, ended.code, ended.signal) }, elapsed, 'exited')
  }
}

/** The caller's stream callbacks, with arrival times relative to delivery; silent once the invocation ended. */
function liveStream(
  options: InvokeOptions,
  deliveredAt: () => number,
  over: () => boolean,
): StreamListener | undefined {
  const { onChunk, onPrelude } = options
  if (onChunk === undefined && onPrelude === undefined) return undefined
  return {
    onPrelude: (prelude) => {
      if (!over()) onPrelude?.(prelude)
    },
    onChunk: (data, at) => {
      if (!over()) onChunk?.({ atMs: Math.max(0, at - deliveredAt()), data })
    },
  }
}

async function finish(
  input: RunInvocationInput,
  outcome: StreamedFields,
  durationMs: number,
  ending: 'returned' | 'timed-out' | 'exited' | 'init-failed',
): Promise<Omit<InvocationResult, 'concurrency'>> {
  const { config } = input.container
  const timedOut = ending === 'timed-out'
  const failedPhase = ending === 'init-failed' ? 'init' : ending === 'exited' ? 'invoke' : undefined
  const maxMemoryUsedMb = await input.process.peakMemoryMb()
  const doomed = ending !== 'returned'
  if (doomed) {
    input.process.kill()
    await input.process.exited
    input.api.abandon()
  } else {
    await settle()
  }
  const logs = doomed ? input.process.takeAllLines(input.ownsLine) : input.process.takeLines(input.ownsLine)
  if (timedOut) {
    logs.push(`${new Date().toISOString()} ${input.requestId} ${timedOutMessage(config.timeoutMs)}`)
  }
  const reportInput: ReportInput = {
    requestId: input.requestId,
    durationMs,
    memorySizeMb: config.memoryMb,
    maxMemoryUsedMb,
    ...(input.initDurationMs === undefined ? {} : { initDurationMs: input.initDurationMs }),
    status: timedOut ? 'timeout' : outcome.error === undefined ? 'success' : 'error',
    ...(failedPhase === undefined || outcome.error === undefined
      ? {}
      : { errorType: outcome.error.errorType, errorPhase: failedPhase }),
  }
  return {
    requestId: input.requestId,
    ...outcome,
    report: buildReport(reportInput, config.prices),
    logs,
    containerId: input.container.id,
    coldStart: input.coldStart,
  }
}

function deliveryOf(input: RunInvocationInput) {
  const { config } = input.container
  const { clientContext, identity, traceId, tenantId } = input.options
  return {
    requestId: input.requestId,
    payload: JSON.stringify(input.event ?? null),
    timeoutMs: config.timeoutMs,
    functionArn: config.functionArn,
    traceId: traceId ?? newTraceId(),
    ...(clientContext === undefined ? {} : { clientContext: JSON.stringify(clientContext) }),
    ...(identity === undefined ? {} : { cognitoIdentity: JSON.stringify(identity) }),
    ...(tenantId === undefined ? {} : { tenantId }),
  }
}

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload)
  } catch {
    return payload
  }
}

/** Lets output the runtime wrote before posting its response reach our pipes' readers. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setImmediate(resolve))
}
