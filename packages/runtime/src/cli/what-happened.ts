import type { Fate } from '../event-sources/source-types.ts'
import type { InvocationResult } from '../invocation.ts'
import { firstLine, terminalText } from './terminal-text.ts'

/**
 * A plain-English account of a run: which invocations were cold or warm, on how many containers, how long
 * they took, and how the failures failed.
 *
 * @example
 * whatHappened(results)
 * // ['#1 cold start on container 3f0c1a2b: init 141.20 ms, then 5.10 ms', '#2 warm on 3f0c1a2b: 1.90 ms', …]
 */
export function whatHappened(results: readonly InvocationResult[]): string[] {
  const lines = results.map((result, index) => {
    const { report } = result
    const where = result.coldStart
      ? `cold start on container ${result.containerId}`
      : `warm on ${result.containerId}`
    const init =
      report.initDurationMs === undefined ? '' : `init ${report.initDurationMs.toFixed(2)} ms, then `
    const outcome =
      report.status === 'timeout'
        ? `timed out after ${report.durationMs.toFixed(0)} ms; the container was killed, so the next call is cold`
        : result.error !== undefined
          ? `failed with ${terminalText(`${result.error.errorType}: ${firstLine(result.error.errorMessage)}`)}`
          : `${report.durationMs.toFixed(2)} ms`
    return `#${index + 1} ${where}: ${init}${outcome}`
  })
  const containers = new Set(results.map((result) => result.containerId)).size
  const cold = results.filter((result) => result.coldStart).length
  lines.push(`${results.length} invocation(s), ${containers} container(s), ${cold} cold start(s)`)
  const peak = Math.max(0, ...results.map((result) => result.concurrency))
  if (peak > 1) lines.push(`up to ${peak} invocations in flight at once in one container`)
  return lines
}

/**
 * What became of the messages of event sources, one line per source: how many ended in each state, with the
 * receive counts of those that did not end processed, then one line per such message naming why.
 *
 * @example
 * whatBecameOfMessages(orders.fates())
 * // ['orders: 5 message(s): 4 processed, 1 dlq (receive count 3)', '  3f0c… → dlq after 3 receives (maxReceiveCount 3)']
 */
export function whatBecameOfMessages(fates: readonly Fate[]): string[] {
  const bySource = Map.groupBy(fates, (fate) => fate.source)
  return [...bySource].flatMap(([source, own]) => {
    const byState = Map.groupBy(own, (fate) => fate.state)
    const counts = [...byState].map(([state, those]) =>
      state === 'processed'
        ? `${those.length} ${state}`
        : `${those.length} ${state} (receive count${those.length === 1 ? '' : 's'} ${those.map((fate) => fate.receiveCount).join(', ')})`,
    )
    const unhappy = own.filter((fate) => fate.state !== 'processed')
    return [
      `${terminalText(source)}: ${own.length} message(s): ${counts.join(', ')}`,
      ...unhappy.map((fate) => {
        const reason = fate.steps.at(-1)?.reason
        const receives = `after ${fate.receiveCount} receive${fate.receiveCount === 1 ? '' : 's'}`
        return `  ${terminalText(`${fate.id} → ${fate.state} ${receives}${reason === undefined ? '' : ` (${reason})`}`)}`
      }),
    ]
  })
}
