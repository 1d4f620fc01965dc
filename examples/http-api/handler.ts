import { lambda, type Middleware } from '@sluice/core'
import { envelopes, parse } from '@sluice/events'
import { correlationIdOf, type Logger, logger } from '@sluice/logger'
import { tracer } from '@sluice/tracer'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import catalog from './catalog.json' with { type: 'json' }
import { json, toHttpError } from './http-response.ts'
import { priceQuote } from './pricing.ts'
import { quoteRequestSchema } from './quote-request.ts'

/** What the handler and the catch point read from the context besides Lambda's fields. */
interface RequestFacts {
  readonly log: Logger
  readonly correlationId: string
}

/**
 * Puts the request's correlation id on the context (the same rules the logger uses: an `x-correlation-id`
 * header, else API Gateway's request id), so responses can echo it.
 */
const correlation = (): Middleware<{ in: APIGatewayProxyEventV2; context: { correlationId: string } }> => ({
  before: function correlationBefore(request) {
    request.context.correlationId = correlationIdOf(request.event) ?? request.context.awsRequestId
  },
})

/**
 * `POST /quotes` on an API Gateway HTTP API (payload 2.0): prices a cart. The body is parsed and typed by a zod
 * schema; every error reaches one catch point that maps it to a status code; every log line carries the
 * correlation id, which the response echoes in `x-correlation-id`.
 *
 * @example
 * pnpm exec sluice invoke examples/http-api/handler.ts#handler --event examples/http-api/event.json
 */
export const handler = lambda<APIGatewayProxyEventV2>()
  .use(logger({ service: 'quotes' }))
  .use(correlation())
  .use(tracer({ serviceName: 'quotes' })) // off outside Lambda: no X-Ray code loaded then
  .use(parse(envelopes.apigwHttp(quoteRequestSchema)))
  .catch((error, { context }) => {
    const { log, correlationId } = context as Partial<RequestFacts>
    if (error.expose) log?.warn({ code: error.code, path: error.path }, 'request refused')
    else log?.error({ err: error.cause ?? error, code: error.code }, 'request failed')
    return toHttpError(error, correlationId)
  })
  .handler(async (body, context) => {
    const quote = priceQuote(body, catalog)
    context.log.info(
      { customerId: quote.customerId, totalCents: quote.totalCents, lines: quote.lines.length },
      'quoted',
    )
    return json(200, quote, context.correlationId)
  })
