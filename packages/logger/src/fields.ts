import type { Context } from 'aws-lambda'

/** Which names the fields get: sluice's own, or Powertools Logger's (so Logs Insights queries keep working). */
export type FieldStyle = 'sluice' | 'powertools'

/**
 * What the fields are read from: the Lambda context, or as much of one as the runtime's invoke store knows
 * (its request id) when a line is written by code that the runtime runs without the context at hand.
 *
 * @example
 * const known: InvocationContext = { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' }
 */
export type InvocationContext = Pick<Context, 'awsRequestId'> &
  Partial<Pick<Context, 'functionName' | 'functionVersion' | 'memoryLimitInMB' | 'invokedFunctionArn'>>

/** Facts about one invocation that every line of its child logger carries. */
export interface InvocationFacts {
  readonly context: InvocationContext
  /** Left out when unknown (a line written where no lifecycle was attached). */
  readonly coldStart: boolean | undefined
  readonly traceId: string | undefined
  readonly correlationId: string | undefined
  /** The tenant of a tenant-isolated function (`context.tenantId`, or the runtime's store). */
  readonly tenantId: string | undefined
  /** The configured debug sampling rate (0 when off). */
  readonly sampleRate: number
  /** Whether this invocation was picked to log at debug. */
  readonly sampled: boolean
}

/** How a style names the keys pino writes itself and the ones sluice binds. */
export interface FieldNames {
  readonly style: FieldStyle
  readonly message: string
  readonly timestamp: string
  readonly error: string
  /** The request id field: a child bound to it is bound to an invocation already. */
  readonly requestId: string
  readonly correlationId: string
  readonly recordId: string
  /** The `level` value for a pino level label. */
  levelLabel(label: string): string
  /** The fields a per-invocation child logger is bound to; undefined values are left out. */
  invocation(facts: InvocationFacts): Record<string, unknown>
}

// Copied rather than `delete`d from: a deleted key turns the object into a slow dictionary for pino's child().
const defined = (fields: Record<string, unknown>): Record<string, unknown> => {
  const kept: Record<string, unknown> = {}
  for (const key of Object.keys(fields)) {
    const value = fields[key]
    if (value !== undefined) kept[key] = value
  }
  return kept
}

const memoryMb = (value: string | undefined): number | undefined => {
  const mb = Number(value)
  return Number.isFinite(mb) && mb > 0 ? mb : undefined
}

/** sluice's names: camelCase, `level` as pino's label, which Lambda's log-level filtering understands. */
export const sluiceFields: FieldNames = {
  style: 'sluice',
  message: 'msg',
  timestamp: 'timestamp',
  error: 'err',
  requestId: 'requestId',
  correlationId: 'correlationId',
  recordId: 'recordId',
  levelLabel: (label) => label,
  invocation: ({ context, coldStart, traceId, correlationId, tenantId, sampled }) =>
    defined({
      requestId: context.awsRequestId,
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      memoryMb: memoryMb(context.memoryLimitInMB),
      coldStart,
      traceId,
      correlationId,
      tenantId,
      debugSampled: sampled ? true : undefined,
    }),
}

const POWERTOOLS_LEVELS: Readonly<Record<string, string>> = { fatal: 'CRITICAL' }

/**
 * Powertools Logger's names and values as version 2.36 writes them (checked by running it): upper-case levels
 * with CRITICAL for fatal, `function_memory_size` as the context's string, `sampling_rate` always present.
 */
export const powertoolsFields: FieldNames = {
  style: 'powertools',
  message: 'message',
  timestamp: 'timestamp',
  error: 'error',
  requestId: 'function_request_id',
  correlationId: 'correlation_id',
  recordId: 'record_id',
  levelLabel: (label) => POWERTOOLS_LEVELS[label] ?? label.toUpperCase(),
  invocation: ({ context, coldStart, traceId, correlationId, tenantId, sampleRate }) =>
    defined({
      cold_start: coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
      sampling_rate: sampleRate,
      xray_trace_id: traceId,
      tenant_id: tenantId,
      correlation_id: correlationId,
    }),
}

/**
 * The field names of a style.
 *
 * @example
 * fieldNames('powertools').correlationId // 'correlation_id'
 */
export const fieldNames = (style: FieldStyle): FieldNames =>
  style === 'powertools' ? powertoolsFields : sluiceFields
