import type { InvocationResult } from '../invocation.ts'

/** Why Lambda sent the record: the last attempt succeeded, every attempt failed, or the event grew too old. */
export type AsyncRecordCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded'

/**
 * The invocation record Lambda sends to an asynchronous invocation's destination (the shape of AWS's
 * "Example invocation record"), as a function, queue or topic receives it.
 *
 * @example
 * const record = source.outputs().onFailure[0] as AsyncInvocationRecord
 * record.requestContext.condition // 'RetriesExhausted'
 */
export interface AsyncInvocationRecord {
  readonly version: '1.0'
  /** ISO time, in Lambda time, when the record was made. */
  readonly timestamp: string
  readonly requestContext: {
    readonly requestId: string
    /** The function's ARN with its version: `arn:aws:lambda:…:function:name:$LATEST`. */
    readonly functionArn: string
    readonly condition: AsyncRecordCondition
    /** Attempts made. */
    readonly approximateInvokeCount: number
  }
  /** The event as it was sent. */
  readonly requestPayload: unknown
  readonly responseContext: {
    /** Always 200: the Invoke call itself succeeded, also when the function failed. */
    readonly statusCode: 200
    readonly executedVersion: '$LATEST'
    /** `Unhandled` when the last attempt failed (thrown error, timeout, crash). */
    readonly functionError?: 'Unhandled'
  }
  /** What the last attempt returned, or its error `{ errorType, errorMessage, trace }`. */
  readonly responsePayload: unknown
}

/**
 * The record of an event after `last`, its last attempt.
 *
 * @example
 * invocationRecord({ functionArn, condition: 'RetriesExhausted', attempts: 3, event, last, now: time.now() })
 */
export function invocationRecord(input: {
  readonly functionArn: string
  readonly condition: AsyncRecordCondition
  readonly attempts: number
  readonly event: unknown
  readonly last: InvocationResult
  readonly now: number
}): AsyncInvocationRecord {
  const { last } = input
  const failed = last.error !== undefined
  return {
    version: '1.0',
    timestamp: new Date(input.now).toISOString(),
    requestContext: {
      requestId: last.requestId,
      functionArn: `${input.functionArn}:$LATEST`,
      condition: input.condition,
      approximateInvokeCount: input.attempts,
    },
    requestPayload: input.event,
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(failed ? { functionError: 'Unhandled' as const } : {}),
    },
    // A handler that returns nothing gives Lambda's `null` response.
    responsePayload: failed ? last.error : (last.result ?? null),
  }
}
