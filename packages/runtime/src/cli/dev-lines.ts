import type { DevLine } from '../dev/dev-line.ts'
import type { SourceActivity } from '../event-sources/source-types.ts'
import { formatInvocation } from './format-invocation.ts'
import { invocationJson } from './invocation-json.ts'
import type { Style } from './style.ts'
import { terminalText } from './terminal-text.ts'

/** Fate steps worth a line of their own: the batch line already says what was processed. */
const SHOWN = new Set(['redelivered', 'dlq', 'dropped-by-age', 'retries-exhausted', 'destination'])

/**
 * The lines `sluice dev` prints for one {@link DevLine}, each prefixed with the function or source name:
 * START/logs/END/REPORT for an invocation (logs pretty on a terminal), `batch 10 → partial, 2 failed` for a batch,
 * `m-1 → dlq after 3 receives` for a message that left the happy path, the HTTP request and its status, reloads.
 *
 * @example
 * devLineText({ kind: 'reload', function: 'orders', files: ['handler.ts'] }, style, false)
 * // ['[orders] reloaded (handler.ts changed)']
 */
export function devLineText(line: DevLine, style: Style, pretty: boolean): string[] {
  const tag = (name: string) => style.cyan(`[${name}]`)
  switch (line.kind) {
    case 'invocation':
      return formatInvocation(line.result, style, pretty).flatMap((text) =>
        text.split('\n').map((part) => `${tag(line.function)} ${part}`),
      )
    case 'activity':
      return activityText(line.activity, style).map((text) => `${tag(line.activity.source)} ${text}`)
    case 'request': {
      const { method, path, status, routeKey, failure, durationMs } = line.request
      const colour = status >= 500 ? style.red : status >= 400 ? style.yellow : style.green
      const why = failure === undefined ? '' : ` (${failure})`
      const route = routeKey === undefined ? '' : style.dim(` ${routeKey}`)
      return [
        `${tag('http')} ${method} ${terminalText(path)} → ${colour(String(status))}${why}${route} ${style.dim(`${durationMs.toFixed(0)} ms`)}`,
      ]
    }
    case 'reload':
      return [`${tag(line.function)} reloaded (${terminalText(line.files.join(', '))} changed)`]
    case 'reload-failed':
      return [
        `${tag(line.function)} ${style.red(`reload failed, the old code keeps running: ${line.message}`)}`,
      ]
  }
}

/**
 * One JSON line per {@link DevLine} (`--json`): `type` says which, the rest are its fields; an invocation is printed
 * as `sluice invoke --json` prints it.
 *
 * @example
 * devLineJson({ kind: 'reload', function: 'orders', files: ['handler.ts'] })
 * // '{"type":"reload","function":"orders","files":["handler.ts"]}'
 */
export function devLineJson(line: DevLine): string {
  switch (line.kind) {
    case 'invocation':
      return JSON.stringify({ type: 'invocation', function: line.function, ...invocationJson(line.result) })
    case 'activity': {
      const { activity } = line
      if (activity.kind === 'batch') return JSON.stringify({ type: 'batch', ...omitKind(activity) })
      const { fate, step } = activity
      return JSON.stringify({
        type: 'fate',
        source: activity.source,
        id: fate.id,
        receiveCount: fate.receiveCount,
        ...step,
      })
    }
    case 'request':
      return JSON.stringify({ type: 'request', ...line.request })
    default:
      return JSON.stringify({ type: line.kind, ...omitKind(line) })
  }
}

function activityText(activity: SourceActivity, style: Style): string[] {
  if (activity.kind === 'batch') {
    const size = `batch ${activity.ids.length} →`
    if (activity.outcome === 'success') return [`${size} ${style.green('success')}`]
    if (activity.outcome === 'partial')
      return [`${size} ${style.yellow(`partial, ${activity.failed.length} failed`)}`]
    return [`${size} ${style.red('failure')}`]
  }
  const { fate, step } = activity
  if (!SHOWN.has(step.state)) return []
  const receives =
    step.state === 'redelivered'
      ? ''
      : ` after ${fate.receiveCount} receive${fate.receiveCount === 1 ? '' : 's'}`
  const reason = step.reason === undefined ? '' : style.dim(` (${step.reason})`)
  const colour = step.state === 'redelivered' ? style.yellow : style.red
  return [`${terminalText(fate.id)} → ${colour(step.state)}${receives}${reason}`]
}

function omitKind<TValue extends { readonly kind: string }>(value: TValue): Omit<TValue, 'kind'> {
  const { kind: _kind, ...rest } = value
  return rest
}
