import { SluiceRuntimeError } from '../errors.ts'
import type { DevConfig } from './dev-config.ts'

const TOP = ['functions', 'queues', 'streams', 'timeScale', 'port']
const FUNCTION = [
  'handler',
  'memoryMb',
  'timeoutMs',
  'env',
  'concurrency',
  'maxConcurrency',
  'events',
  'async',
]
const NUMBERS = ['memoryMb', 'timeoutMs', 'concurrency', 'maxConcurrency']
/** Event kinds with what they read: a declared queue, a declared stream of that kind, or nothing. */
const EVENTS: Readonly<Record<string, 'queue' | 'kinesis' | 'dynamodb' | undefined>> = {
  sqs: 'queue',
  kinesis: 'kinesis',
  dynamodb: 'dynamodb',
  http: undefined,
  s3: undefined,
  sns: undefined,
  eventbridge: undefined,
}
/** Lambda function names; queue and stream names as SQS and Kinesis allow them. */
const NAME = /^[A-Za-z0-9_-]{1,64}$/
const RESOURCE = /^[A-Za-z0-9_.-]{1,128}$/

type Fields = Readonly<Record<string, unknown>>

/**
 * Checks the structure of a config (what a source does not check itself) and returns it typed: unknown keys, a
 * missing handler, an event naming an undeclared queue or stream, a queue read by two functions. Anything wrong
 * throws `DEV_CONFIG_INVALID` naming the path, e.g. `functions.orders.events[0].sqs.queue`.
 *
 * @example
 * validateConfig({ functions: { orders: { handler: 'handler.ts#handler' } } }) // the config, typed
 */
export function validateConfig(config: unknown): DevConfig {
  const top = fields(config, 'config', TOP)
  const functions = fields(
    top.functions ?? fail('functions', 'is missing: name at least one function'),
    'functions',
  )
  const queues = top.queues === undefined ? {} : fields(top.queues, 'queues')
  if (Object.keys(functions).length === 0) fail('functions', 'is empty: name at least one function')
  const streams = top.streams === undefined ? {} : fields(top.streams, 'streams')
  if (top.timeScale !== undefined && !(isNumber(top.timeScale) && top.timeScale > 0))
    fail(
      'timeScale',
      `must be a positive number (got ${shown(top.timeScale)}): 100 makes 30 s pass in 300 ms`,
    )
  if (
    top.port !== undefined &&
    !(Number.isInteger(top.port) && isNumber(top.port) && top.port <= 65_535 && top.port >= 0)
  )
    fail('port', `must be a port from 0 to 65535 (got ${shown(top.port)}); 0 picks a free one`)
  for (const [name, queue] of Object.entries(queues)) {
    named(name, `queues.${name}`, RESOURCE)
    fields(queue, `queues.${name}`)
  }
  for (const [name, stream] of Object.entries(streams)) {
    named(name, `streams.${name}`, RESOURCE)
    const kind = fields(stream, `streams.${name}`).kind
    if (kind !== 'kinesis' && kind !== 'dynamodb')
      fail(`streams.${name}.kind`, `must be 'kinesis' or 'dynamodb' (got ${shown(kind)})`)
    if (Object.hasOwn(queues, name))
      fail(`streams.${name}`, 'is also a queue name: sources need distinct names')
  }
  const readers = new Map<string, string>()
  for (const [name, fn] of Object.entries(functions)) {
    const path = `functions.${name}`
    named(name, path, NAME)
    const spec = fields(fn, path, FUNCTION)
    if (typeof spec.handler !== 'string' || spec.handler === '')
      fail(`${path}.handler`, `is missing: give 'path/to/file.ts#export' (got ${shown(spec.handler)})`)
    for (const key of NUMBERS)
      if (spec[key] !== undefined && !isNumber(spec[key]))
        fail(`${path}.${key}`, `must be a number (got ${shown(spec[key])})`)
    if (spec.env !== undefined)
      for (const [key, value] of Object.entries(fields(spec.env, `${path}.env`)))
        if (typeof value !== 'string') fail(`${path}.env.${key}`, `must be a string (got ${shown(value)})`)
    if (spec.async !== undefined) fields(spec.async, `${path}.async`)
    const events = spec.events ?? []
    if (!Array.isArray(events)) fail(`${path}.events`, `must be an array of events (got ${shown(events)})`)
    events.forEach((event: unknown, index: number) => {
      const read = checkEvent(event, `${path}.events[${index}]`, queues, streams)
      if (read === undefined) return
      const other = readers.get(read.name)
      if (other !== undefined)
        fail(
          `${path}.events[${index}]`,
          `reads ${read.name}, which ${other} reads already: one reader per queue or stream`,
        )
      readers.set(read.name, path)
    })
  }
  // Checked field by field above: the value is a DevConfig from here on.
  return config as DevConfig
}

function checkEvent(
  event: unknown,
  path: string,
  queues: Fields,
  streams: Fields,
): { name: string } | undefined {
  const tagged = fields(event, path)
  const kinds = Object.keys(tagged)
  const kind = kinds[0]
  if (kinds.length !== 1 || kind === undefined || !Object.hasOwn(EVENTS, kind))
    fail(path, `must have exactly one of ${Object.keys(EVENTS).join(', ')} (got ${shown(kinds.join(', '))})`)
  const options = fields(tagged[kind], `${path}.${kind}`)
  const reads = EVENTS[kind]
  if (kind === 'http')
    for (const key of ['type', 'path'])
      if (typeof options[key] !== 'string')
        fail(`${path}.http.${key}`, `must be a string (got ${shown(options[key])})`)
  if (reads === undefined) return undefined
  const key = reads === 'queue' ? 'queue' : 'stream'
  const name = options[key]
  const declared = reads === 'queue' ? queues : streams
  if (typeof name !== 'string' || !Object.hasOwn(declared, name))
    fail(
      `${path}.${kind}.${key}`,
      `names no ${reads === 'queue' ? 'queue' : 'stream'} declared under ${key === 'queue' ? 'queues' : 'streams'} (got ${shown(name)})`,
    )
  if (reads !== 'queue' && fields(declared[name], `streams.${name}`).kind !== reads)
    fail(`${path}.${kind}.stream`, `names ${name}, which is not a ${reads} stream`)
  return { name }
}

function fields(value: unknown, path: string, allowed?: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, `must be an object (got ${shown(value)})`)
  const record = { ...value } as Fields
  const unknown = allowed === undefined ? [] : Object.keys(record).filter((key) => !allowed.includes(key))
  if (unknown[0] !== undefined)
    fail(`${path}.${unknown[0]}`, `is not a known key: use ${allowed?.join(', ')}`)
  return record
}

function named(name: string, path: string, pattern: RegExp): void {
  if (!pattern.test(name)) fail(path, `is not a usable name: letters, digits, - and _ (got ${shown(name)})`)
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function shown(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? String(value)
  } catch {
    return typeof value
  }
}

function fail(path: string, message: string): never {
  throw new SluiceRuntimeError('DEV_CONFIG_INVALID', `${path} ${message}`)
}
