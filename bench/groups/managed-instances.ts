import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import type { WorkEvent } from '../managed-instances/work.ts'
import { inTurn } from '../turns.ts'
import type { BenchGroup, Measurement } from '../types.ts'

const cwd = fileURLToPath(new URL('..', import.meta.url))
/** Invocations in flight in the one environment (`--max-concurrency 8`), and runtime worker threads in it. */
const MAX_CONCURRENCY = 8
const WORKERS = 1
const SLEEP_MS = 5

/** Runs `count` invocations keeping MAX_CONCURRENCY in flight; invocations per second from first to last. */
async function burst(runtime: Runtime, count: number, tag: string): Promise<number> {
  let next = 0
  const started = performance.now()
  const lane = async () => {
    while (next < count) {
      const event: WorkEvent = { orderId: `${tag}-${next++}`, ms: SLEEP_MS }
      const { error } = await runtime.invoke(event)
      if (error) throw new Error(`${runtime.handler.raw} failed: ${error.errorType}: ${error.errorMessage}`)
    }
  }
  await Promise.all(Array.from({ length: MAX_CONCURRENCY }, lane))
  return count / ((performance.now() - started) / 1000)
}

const start = (file: string) =>
  startRuntime({
    handler: `managed-instances/${file}#handler`,
    cwd,
    functionName: 'orders',
    memoryMb: 1024,
    timeoutMs: 30_000,
    concurrency: MAX_CONCURRENCY,
    maxConcurrency: MAX_CONCURRENCY,
    workers: WORKERS,
  })

const environmentOf = (runtime: Runtime) => {
  const containers = runtime.containers
  const peak = Math.max(...containers.map((container) => container.peakConcurrency))
  if (containers.length !== 1 || peak !== MAX_CONCURRENCY) {
    throw new Error(
      `expected one environment with ${MAX_CONCURRENCY} in flight, got ${containers.length} (peak ${peak})`,
    )
  }
  return `1 environment, ${WORKERS} worker, peak ${peak} in flight`
}

/** Managed Instances throughput (issue #18's row): one environment, 8 invocations in flight, sluice vs Powertools. */
export const groups: BenchGroup[] = [
  {
    name: 'managed-instances: one environment, --max-concurrency 8',
    unit: 'inv/s',
    targets: [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }],
    note: `invocations per second through the local runtime and the real aws-lambda-ric in Managed Instances mode (startRuntime maxConcurrency ${MAX_CONCURRENCY}, ${WORKERS} worker thread on both sides), ${MAX_CONCURRENCY} kept in flight; each invocation writes a small file to its scratch dir, waits ${SLEEP_MS} ms and logs one line. sluice = logger() + timeout() + tmp(); powertools = Logger with injectLambdaContext on middy (its 5 ms early-timeout timer) and a scratch dir made and removed by hand; bare = no framework (scratch dir by hand, console.log of a JSON line): the floor the runtime client and the local Runtime API leave; rounds alternate, after a warm-up burst each`,
    measured: async (profile) => {
      await using sluice = await start('sluice.ts')
      await using powertools = await start('powertools.ts')
      await using bare = await start('bare.ts')
      const subjects = [
        ['bare', bare],
        ['powertools', powertools],
        ['sluice', sluice],
      ] as const
      const rounds = { sluice: [] as number[], powertools: [] as number[], bare: [] as number[] }
      // the cold start, and the JIT of both the function and the runtime, stay out of the rounds
      for (const [subject, runtime] of subjects)
        await burst(runtime, profile.throughputInvocations / 2, subject)
      for (let round = 0; round < profile.rounds; round++) {
        for (const [subject, runtime] of inTurn(subjects, round)) {
          rounds[subject].push(await burst(runtime, profile.throughputInvocations, `${subject}-${round}`))
        }
      }
      return subjects.map(
        ([subject, runtime]): Measurement => ({
          subject,
          rounds: rounds[subject],
          detail: environmentOf(runtime),
        }),
      )
    },
  },
]
