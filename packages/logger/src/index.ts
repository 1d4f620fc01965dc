export { childForRecord, recordIdOf } from './child-for-record.ts'
export { correlationIdOf, headerValue } from './correlation-id.ts'
export { type CreateLoggerOptions, createLogger, type RedactOptions } from './create-logger.ts'
export { stdoutDestination, wantsPretty } from './destination.ts'
export { LoggerError, type LoggerErrorCode } from './errors.ts'
export { capField, MAX_FIELD_LENGTH } from './field-cap.ts'
export {
  type FieldNames,
  type FieldStyle,
  fieldNames,
  type InvocationContext,
  type InvocationFacts,
} from './fields.ts'
export { type LevelName, type LevelSource, parseLevel, type ResolvedLevel, resolveLevel } from './levels.ts'
export type { BufferOptions } from './line-buffer.ts'
export { type LoggerMiddleware, logger } from './logger.ts'
export type { LoggerOptions, PayloadLogging } from './logger-options.ts'
export type { LogDestination, Logger } from './logger-type.ts'
export { type MemoryDestination, memoryDestination } from './memory-destination.ts'
export { DEFAULT_REDACT_KEYS, normalizeKey, REDACTED, secretKeyMatcher } from './redact.ts'
export { MAX_VALUES, PLACEHOLDERS, REDACT_DEPTH } from './safe-value.ts'
export { xrayTraceId } from './trace-id.ts'
