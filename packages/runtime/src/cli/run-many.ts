import type { InvocationResult, InvokeOptions } from '../invocation.ts'
import type { Runtime } from '../start-runtime.ts'

/**
 * Invokes `count` times with at most `concurrency` invocations in flight (so `concurrency` containers), calling
 * `onResult` as each completes. With `tenantIds`, invocation _i_ runs for tenant `i mod n`; `live(i)` gives its
 * stream callbacks (`onChunk`, `onPrelude`). `shouldStop` is checked before each new invocation.
 *
 * @example
 * const results = await runMany(rt, event, { count: 40, concurrency: 4 }, (result) => print(result))
 */
export async function runMany(
  runtime: Runtime,
  event: unknown,
  plan: {
    count: number
    concurrency: number
    tenantIds?: readonly string[]
    live?: (index: number) => Pick<InvokeOptions, 'onChunk' | 'onPrelude'>
  },
  onResult: (result: InvocationResult, index: number) => void,
  shouldStop: () => boolean = () => false,
): Promise<InvocationResult[]> {
  const results: InvocationResult[] = []
  let next = 0
  async function worker(): Promise<void> {
    while (next < plan.count && !shouldStop()) {
      const index = next
      next += 1
      const tenantId = plan.tenantIds?.[index % plan.tenantIds.length]
      const tenant = tenantId === undefined ? {} : { tenantId }
      const result = await runtime.invoke(event, { ...plan.live?.(index), ...tenant })
      results.push(result)
      onResult(result, index)
    }
  }
  const workers = Math.max(1, Math.min(plan.concurrency, plan.count))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
