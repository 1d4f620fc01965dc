// http-api on middy with Powertools: Logger (correlation id from the header or the request id), Tracer, the
// parser middleware with the API Gateway v2 envelope, and an onError middleware mapping errors to status codes.
// Pricing, the catalogue and the response helpers are the example's own. The envelope hands over the body as the
// string it is: JSONStringified() parses it, as Powertools' docs show for JSON bodies.
import { Logger } from '@aws-lambda-powertools/logger'
import { search } from '@aws-lambda-powertools/logger/correlationId'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { ApiGatewayV2Envelope } from '@aws-lambda-powertools/parser/envelopes/api-gatewayv2'
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers'
import { parser } from '@aws-lambda-powertools/parser/middleware'
import { Tracer } from '@aws-lambda-powertools/tracer'
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware'
import middy from '@middy/core'
import { SluiceError } from '@sluice/core'
import catalog from '../../examples/http-api/catalog.json' with { type: 'json' }
import { json, toHttpError } from '../../examples/http-api/http-response.ts'
import { priceQuote } from '../../examples/http-api/pricing.ts'
import { type QuoteRequest, quoteRequestSchema } from '../../examples/http-api/quote-request.ts'

const logger = new Logger({ serviceName: 'quotes', correlationIdSearchFn: search })
const tracer = new Tracer({ serviceName: 'quotes' })

export const handler = middy(async (body: QuoteRequest) => {
  const quote = priceQuote(body, catalog)
  logger.info('quoted', { customerId: quote.customerId, totalCents: quote.totalCents })
  return json(200, quote, logger.getCorrelationId() as string | undefined)
})
  .use(
    injectLambdaContext(logger, {
      correlationIdPath: 'headers."x-correlation-id" || requestContext.requestId',
    }),
  )
  .use(captureLambdaHandler(tracer))
  .use(parser({ schema: JSONStringified(quoteRequestSchema), envelope: ApiGatewayV2Envelope }))
  .onError((request) => {
    const error = request.error
    const mapped =
      error instanceof SluiceError
        ? error
        : new SluiceError(error?.message ?? 'error', {
            code: error?.name === 'ParseError' ? 'EVENT_PARSE_FAILED' : 'UNHANDLED_ERROR',
            expose: error?.name === 'ParseError',
          })
    request.response = toHttpError(mapped, logger.getCorrelationId() as string | undefined)
  })
