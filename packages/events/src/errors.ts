import { optionChecks, SluiceError } from '@sluice/core'
import type { SourceId } from './sources.ts'

/**
 * Why an event could not be parsed:
 * - `EVENT_PARSE_FAILED`: the event (or its payload) does not match the schema;
 * - `EVENT_BODY_NOT_JSON`: a payload the envelope reads as JSON is not JSON;
 * - `EVENT_BASE64_INVALID`: a payload that should be base64 is not;
 * - `EVENT_GZIP_INVALID`: a CloudWatch Logs payload is not gzip;
 * - `EVENT_TOO_LARGE`: a payload decompresses past the envelope's cap, or base64 data is longer than any Lambda event.
 *
 * @example
 * if (error instanceof ParseError && error.code === 'EVENT_TOO_LARGE') alarm()
 */
export type ParseErrorCode =
  | 'EVENT_PARSE_FAILED'
  | 'EVENT_BODY_NOT_JSON'
  | 'EVENT_BASE64_INVALID'
  | 'EVENT_GZIP_INVALID'
  | 'EVENT_TOO_LARGE'

/** Options of {@link ParseError}. */
export interface ParseErrorOptions {
  readonly code: ParseErrorCode
  /** The event source whose envelope or schema was applied; undefined for a bare schema. */
  readonly source?: SourceId | undefined
  /** Where in the event the problem is, e.g. `['Records', 3, 'body', 'orderId']`. */
  readonly path: ReadonlyArray<string | number>
  /** What was expected there, in a few words: `string`, `one of "INSERT", "MODIFY"`, `JSON`. */
  readonly expected: string
  /** What was found, as a kind (`number`, `undefined`), never the value itself. */
  readonly received?: string | undefined
  /** True for HTTP request bodies (the caller can fix them): status 400 and a message safe to return. */
  readonly expose?: boolean
  readonly cause?: unknown
}

/**
 * An event, or the payload an envelope extracted from it, did not parse. The message names the source, the path
 * and the expected shape; it never contains the input's values (they may be personal data) nor a zod dump — the
 * zod error, when there is one, is the `cause`.
 *
 * @example
 * try { parseEvent(envelopes.sqs(orderSchema), event) } catch (error) {
 *   if (error instanceof ParseError) console.log(error.code, error.path, error.expected)
 *   // 'EVENT_PARSE_FAILED' ['Records', 3, 'body', 'orderId'] 'string'
 * }
 */
export class ParseError extends SluiceError {
  override name = 'ParseError'
  override readonly code: ParseErrorCode
  override readonly path: ReadonlyArray<string | number>
  readonly source: SourceId | undefined
  readonly expected: string
  readonly received: string | undefined

  constructor(options: ParseErrorOptions) {
    super(parseErrorMessage(options), {
      code: options.code,
      expose: options.expose ?? false,
      path: options.path,
      cause: options.cause,
    })
    this.code = options.code
    this.path = options.path
    this.source = options.source
    this.expected = options.expected
    this.received = options.received
  }
}

const WHAT: Readonly<Record<ParseErrorCode, string>> = {
  EVENT_PARSE_FAILED: 'does not match the schema',
  EVENT_BODY_NOT_JSON: 'is not valid JSON',
  EVENT_BASE64_INVALID: 'is not valid base64',
  EVENT_GZIP_INVALID: 'is not valid gzip data',
  EVENT_TOO_LARGE: 'is too large',
}

/**
 * `Records[3].body.orderId`: a path as a reader would write it.
 *
 * @example
 * formatPath(['Records', 3, 'body']) // 'Records[3].body'
 */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) text += text === '' ? key : `.${key}`
    else text += `[${JSON.stringify(key)}]`
  }
  return text === '' ? '(the event itself)' : text
}

function parseErrorMessage(options: ParseErrorOptions): string {
  const where = options.source === undefined ? 'The event' : `The ${options.source} event`
  const received = options.received === undefined ? '' : `, received ${options.received}`
  return (
    `${where} ${WHAT[options.code]} at ${formatPath(options.path)}: expected ${options.expected}${received}. ` +
    'Check what the producer sends against the schema.'
  )
}

/**
 * An option of an envelope or decoder that cannot work (`EVENTS_INVALID_OPTION`, `path` names the option), thrown
 * when the envelope is made, not on the first event: e.g. a `maxBytes` of `NaN` would switch the gzip-bomb cap off.
 *
 * @example
 * envelopes.cloudwatchLogs(schema, { maxBytes: Number.NaN }) // throws EventsOptionError
 */
export class EventsOptionError extends SluiceError {
  override name = 'EventsOptionError'

  constructor(message: string, option: string) {
    super(message, { code: 'EVENTS_INVALID_OPTION', path: [option] })
  }
}

/**
 * The package's option checks (core's shared check), throwing {@link EventsOptionError}.
 *
 * @example
 * eventsOptions.number('maxBytes', 0, { integer: true, min: 1 }) // throws
 */
export const eventsOptions = optionChecks((message, option) => new EventsOptionError(message, option))
