import type { SluiceError } from '@sluice/core'
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda'

/**
 * A JSON response with the correlation id echoed, so a client can quote it when it reports a problem.
 *
 * @example
 * json(201, { id: 'q-1' }, 'c6af9ac6') // { statusCode: 201, headers: {…}, body: '{"id":"q-1"}' }
 */
export const json = (
  statusCode: number,
  body: unknown,
  correlationId: string | undefined,
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: {
    'content-type': 'application/json',
    ...(correlationId === undefined ? {} : { 'x-correlation-id': correlationId }),
  },
  body: JSON.stringify(body),
})

/**
 * Maps an error to the response the client sees. An exposed error (the client's mistake: a body that does not
 * parse, an unknown SKU) keeps its status, code, message and path. Anything else is a 500 that says only
 * `INTERNAL_ERROR`: the message may hold internals, so it goes to the logs, not to the client.
 *
 * @example
 * toHttpError(new SluiceError('No such SKU', { code: 'SKU_UNKNOWN', expose: true, status: 422 }), 'c-1').statusCode // 422
 */
export function toHttpError(
  error: SluiceError,
  correlationId: string | undefined,
): APIGatewayProxyStructuredResultV2 {
  if (!error.expose) {
    return json(
      500,
      { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side', correlationId },
      correlationId,
    )
  }
  const { code, message, path } = error.toJSON()
  return json(
    error.status,
    { code, message, ...(path === undefined ? {} : { path }), correlationId },
    correlationId,
  )
}
