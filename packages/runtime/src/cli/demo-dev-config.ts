import type { FateState } from '../event-sources/source-types.ts'
import { type DemoFields, demoInvalid } from './demo-fields.ts'

/** The states a message ends in: what a dev run's `expect` counts. */
export const DEMO_END_STATES = [
  'processed',
  'dlq',
  'dropped-by-age',
  'retries-exhausted',
  'destination',
] as const satisfies readonly FateState[]

/** One of {@link DEMO_END_STATES}. */
export type DemoEndState = (typeof DEMO_END_STATES)[number]

/**
 * A run through a `sluice.config.ts`, as `sluice dev` runs it: its functions and event sources start, the
 * messages of `send` go in, and the run ends when every source is quiet.
 *
 * @example
 * // in demo.json
 * { "title": "a poison message", "dev": "sluice.config.ts", "timeScale": 200, "warm": { "orders": "{\"Records\":[]}" },
 *   "send": { "orders": "poison-messages.json" }, "expect": { "processed": 4, "dlq": 1 } }
 */
export interface DemoDevRun {
  readonly kind: 'dev'
  readonly title: string
  readonly explain?: string
  /** The config file, relative to the example's directory. */
  readonly dev: string
  /** Lambda seconds per real second for every delay of the sources. Default 100. */
  readonly timeScale: number
  /**
   * Functions invoked once with the event given (a file, inline JSON or `builder:<spec>`) before anything is
   * sent. A cold start takes real time, which the time scale does not shorten: at 100× a 3 s cold start is
   * 300 Lambda seconds, longer than most visibility timeouts.
   */
  readonly warm: Readonly<Record<string, string>>
  /** Messages per source name: a file, inline JSON or `builder:<spec>`; a JSON array is several messages. */
  readonly send: Readonly<Record<string, string>>
  /** How many messages end in each state, over every source; a mismatch fails the demo. */
  readonly expect: Readonly<Partial<Record<DemoEndState, number>>>
}

const KEYS = ['title', 'explain', 'dev', 'timeScale', 'warm', 'send', 'expect']

/**
 * Checks the fields of a dev run (one with `"dev"`); anything wrong throws `RUNTIME_INVALID_OPTION` naming the
 * field and the run.
 *
 * @example
 * parseDevRun(demoFields(run, 'sqs-orders#3'), 'sqs-orders#3').send // { orders: 'poison-messages.json' }
 */
export function parseDevRun(fields: DemoFields, label: string): DemoDevRun {
  const unknown = fields.keys().find((key) => !KEYS.includes(key))
  if (unknown !== undefined)
    throw demoInvalid(label, `field "${unknown}" is not for a dev run: use ${KEYS.join(', ')}`)
  const dev = fields.text('dev') ?? ''
  if (dev === '') throw demoInvalid(label, '"dev" must name a config file, like "sluice.config.ts"')
  const timeScale = fields.number('timeScale') ?? 100
  if (!(timeScale > 0 && Number.isFinite(timeScale)))
    throw demoInvalid(label, `"timeScale" must be a positive number, like 100 (got ${timeScale})`)
  const send = strings(fields.get('send'), 'send', label)
  if (Object.keys(send).length === 0)
    throw demoInvalid(label, '"send" must name at least one source: { "orders": "messages.json" }')
  const explain = fields.text('explain')
  return {
    kind: 'dev',
    title: fields.text('title') ?? label,
    ...(explain === undefined ? {} : { explain }),
    dev,
    timeScale,
    warm: strings(fields.get('warm') ?? {}, 'warm', label),
    send,
    expect: counts(fields.get('expect'), label),
  }
}

function strings(value: unknown, field: string, label: string): Record<string, string> {
  const entries = typeof value === 'object' && value !== null ? Object.entries(value) : undefined
  if (entries === undefined || Array.isArray(value) || entries.some(([, item]) => typeof item !== 'string'))
    throw demoInvalid(label, `"${field}" must be an object of strings, like { "orders": "messages.json" }`)
  return Object.fromEntries(entries)
}

function counts(value: unknown, label: string): Partial<Record<DemoEndState, number>> {
  const entries = typeof value === 'object' && value !== null ? Object.entries(value) : []
  const wrong = entries.find(
    ([state, count]) =>
      !DEMO_END_STATES.some((end) => end === state) || !(Number.isInteger(count) && count >= 0),
  )
  if (entries.length === 0 || Array.isArray(value) || wrong !== undefined)
    throw demoInvalid(
      label,
      `"expect" must count messages by end state (${DEMO_END_STATES.join(', ')}), like { "processed": 4, "dlq": 1 }`,
    )
  return Object.fromEntries(entries)
}
