export { DEFAULT_MAX_INFLATED_BYTES } from './decode.ts'
export { detectSource } from './detect-source.ts'
export { defineEnvelope, type Envelope, isEnvelope } from './envelope.ts'
export { type CloudwatchLogsOptions, decodeCloudwatchLogs } from './envelopes/cloudwatch-logs.ts'
export type { DynamoDbChange } from './envelopes/dynamodb.ts'
export { envelopes } from './envelopes/index.ts'
export {
  EventsOptionError,
  formatPath,
  ParseError,
  type ParseErrorCode,
  type ParseErrorOptions,
} from './errors.ts'
export { parseJson } from './json.ts'
export { type ParseOptions, parse } from './parse.ts'
export {
  type Parser,
  type ParserOutput,
  parseEvent,
  type SafeParseResult,
  safeParseEvent,
} from './parse-event.ts'
export { isUnsafeKey, setSafe, stripUnsafeKeys } from './safe-keys.ts'
export * from './schemas/index.ts'
export { type EventBySource, isSourceId, type SourceId, schemas, sourceIds } from './sources.ts'
export { exactNumber, unmarshall, unmarshallValue } from './unmarshall.ts'
