import type { z } from 'zod'
import { DEFAULT_MAX_INFLATED_BYTES, DecodeError, gunzipCapped } from '../decode.ts'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { eventsOptions, ParseError } from '../errors.ts'
import { base64At, compiledSchema, jsonAt, type PayloadSite, parseAt } from '../payload.ts'
import { type CloudwatchLogsDecoded, cloudwatchLogsDecodedSchema } from '../schemas/cloudwatch-logs.ts'
import { objectAt, stringField } from '../shape.ts'

/** Options of the CloudWatch Logs envelope and decoder. */
export interface CloudwatchLogsOptions {
  /** Cap on the decompressed payload, in bytes (default 5 MiB); past it: `EVENT_TOO_LARGE`. */
  readonly maxBytes?: number
}

const DATA_PATH = ['awslogs', 'data']

function inflate(data: string, maxBytes: number, site: PayloadSite): string {
  const compressed = base64At(data, DATA_PATH, site)
  try {
    return gunzipCapped(compressed, maxBytes).toString('utf8')
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error
    const tooLarge = error.kind === 'too-large'
    throw new ParseError({
      code: tooLarge ? 'EVENT_TOO_LARGE' : 'EVENT_GZIP_INVALID',
      source: site.source,
      path: DATA_PATH,
      expected: tooLarge ? `gzip data inflating to at most ${maxBytes} bytes` : 'gzip data',
      received: tooLarge ? 'more' : 'other bytes',
      cause: error,
    })
  }
}

function decode(event: unknown, maxBytes: number, site: PayloadSite): CloudwatchLogsDecoded {
  const awslogs = objectAt(event, [], site).awslogs
  const text = inflate(stringField(awslogs, 'data', ['awslogs'], site), maxBytes, site)
  return parseAt(cloudwatchLogsDecodedSchema, jsonAt(text, DATA_PATH, site), DATA_PATH, site)
}

/** The cap on the inflated payload: a whole number of bytes ≥ 1, else `EVENTS_INVALID_OPTION`. */
const maxBytesOf = (options: CloudwatchLogsOptions): number =>
  eventsOptions.number('maxBytes', options.maxBytes ?? DEFAULT_MAX_INFLATED_BYTES, { integer: true, min: 1 })

/**
 * Decodes a CloudWatch Logs subscription event (base64, gzip with a size cap, JSON) and checks the decoded shape.
 *
 * @example
 * const { logGroup, logEvents } = decodeCloudwatchLogs(event)
 */
export function decodeCloudwatchLogs(
  event: unknown,
  options: CloudwatchLogsOptions = {},
): CloudwatchLogsDecoded {
  return decode(event, maxBytesOf(options), {
    source: 'cloudwatch-logs',
    expose: false,
  })
}

/**
 * CloudWatch Logs: decodes the payload (base64, gzip capped at `maxBytes`), then parses every log event's
 * `message` as JSON and with `schema`. The CONTROL_MESSAGE CloudWatch sends when a subscription is created gives
 * `[]`. For plain-text messages, use `decodeCloudwatchLogs`.
 *
 * @example
 * const lines = envelopes.cloudwatchLogs(logLineSchema, { maxBytes: 2_000_000 }).parse(event) // LogLine[]
 */
export function cloudwatchLogs<$Schema extends z.ZodType>(
  schema: $Schema,
  options: CloudwatchLogsOptions = {},
): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  const maxBytes = maxBytesOf(options)
  return defineEnvelope('cloudwatch-logs', false, function parseCloudwatchLogs(event, site) {
    const decoded = decode(event, maxBytes, site)
    if (decoded.messageType === 'CONTROL_MESSAGE') return []
    return decoded.logEvents.map((logEvent, i) => {
      const path = [...DATA_PATH, 'logEvents', i, 'message']
      return parseAt(payload, jsonAt(logEvent.message, path, site), path, site)
    })
  })
}
