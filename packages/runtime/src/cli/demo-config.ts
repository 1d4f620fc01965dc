import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '@sluice/core'
import { type DemoDevRun, parseDevRun } from './demo-dev-config.ts'
import { demoFields, demoInvalid } from './demo-fields.ts'

/** One run of an example, as written in its `demo.json`: a handler invoked with an event, or a `sluice dev` config. */
export type DemoRun = DemoInvokeRun | DemoDevRun

/** A run that invokes a handler directly with an event. */
export interface DemoInvokeRun {
  readonly kind: 'invoke'
  readonly title: string
  /** What the run shows, printed before it. */
  readonly explain?: string
  /** `file#export`, relative to the example's directory. */
  readonly handler: string
  /** Event file, inline JSON or `builder:<spec>`, as for `sluice invoke --event`. */
  readonly event?: string
  readonly count: number
  readonly concurrency: number
  readonly timeoutMs?: number
  readonly memoryMb?: number
  /** Managed Instances mode: invocations in flight per container (`--max-concurrency`). */
  readonly maxConcurrency?: number
  /** Worker threads per container in Managed Instances mode (`--workers`). */
  readonly workers?: number
  readonly env: Readonly<Record<string, string>>
  /** What every invocation is expected to end as; a mismatch fails the demo. Default `success`. */
  readonly expect: 'success' | 'error' | 'timeout'
}

/** An example directory with its runs. */
export interface DemoExample {
  readonly name: string
  readonly dir: string
  readonly runs: readonly DemoRun[]
}

/**
 * Finds every `<examplesDir>/<name>/demo.json`, in name order. A demo.json holds one run, a list of runs, or
 * `{ "runs": [...] }`.
 *
 * @example
 * const examples = await findDemos(join(process.cwd(), 'examples'))
 */
export async function findDemos(examplesDir: string): Promise<DemoExample[]> {
  const entries = await readdir(examplesDir, { withFileTypes: true }).catch(() => [])
  const examples: DemoExample[] = []
  for (const entry of entries
    .filter((item) => item.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(examplesDir, entry.name)
    const text = await readFile(join(dir, 'demo.json'), 'utf8').catch(() => undefined)
    if (text !== undefined) examples.push({ name: entry.name, dir, runs: parseDemo(text, entry.name) })
  }
  return examples
}

function parseDemo(text: string, name: string): DemoRun[] {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    throw demoInvalid(name, `is not valid JSON (${errorMessage(error)})`)
  }
  const runs = Array.isArray(doc) ? doc : hasRuns(doc) ? doc.runs : [doc]
  return runs.map((run: unknown, index: number) => parseRun(run, `${name}#${index + 1}`))
}

function hasRuns(doc: unknown): doc is { runs: unknown[] } {
  return typeof doc === 'object' && doc !== null && 'runs' in doc && Array.isArray(doc.runs)
}

function parseRun(run: unknown, label: string): DemoRun {
  const fields = demoFields(run, label)
  if (fields.get('dev') !== undefined) return parseDevRun(fields, label)
  const handler = fields.text('handler')
  if (handler === undefined) throw demoInvalid(label, 'needs "handler": "handler.ts#handler"')
  const expect = fields.text('expect') ?? 'success'
  if (expect !== 'success' && expect !== 'error' && expect !== 'timeout') {
    throw demoInvalid(label, '"expect" must be success, error or timeout')
  }
  const env = fields.get('env') ?? {}
  if (typeof env !== 'object' || env === null) throw demoInvalid(label, '"env" must be an object of strings')
  const timeoutMs = fields.number('timeoutMs')
  const memoryMb = fields.number('memoryMb')
  const maxConcurrency = fields.number('maxConcurrency')
  const workers = fields.number('workers')
  const explain = fields.text('explain')
  const event = fields.text('event')
  return {
    kind: 'invoke',
    title: fields.text('title') ?? label,
    handler,
    count: fields.number('count') ?? 1,
    concurrency: fields.number('concurrency') ?? 1,
    env: Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])),
    expect,
    ...(explain === undefined ? {} : { explain }),
    ...(event === undefined ? {} : { event }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(memoryMb === undefined ? {} : { memoryMb }),
    ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
    ...(workers === undefined ? {} : { workers }),
  }
}
