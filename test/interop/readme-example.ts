// The example of the root README section "With middy and Powertools" (the README leaves out the doc comment and
// this header); readme.test.ts runs it.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware'
import httpCors from '@middy/http-cors'
import httpErrorHandler from '@middy/http-error-handler'
import httpHeaderNormalizer from '@middy/http-header-normalizer'
import httpResponseSerializer from '@middy/http-response-serializer'
import httpSecurityHeaders from '@middy/http-security-headers'
import { lambda, SluiceError } from '@sluice/core'
import { envelopes, parse } from '@sluice/events'
import { idempotency } from '@sluice/idempotency'
import { logger } from '@sluice/logger'
import { timeout } from '@sluice/timeout'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import * as z from 'zod'

const order = z.object({ sku: z.string(), quantity: z.number().int().min(1) })
const metrics = new Metrics({ namespace: 'Shop', serviceName: 'orders' })
const json = {
  regex: /^application\/json$/,
  serializer: ({ body }: { body?: unknown }) => JSON.stringify(body),
}
const idempotencyKey = (event: APIGatewayProxyEventV2) => event.headers['idempotency-key']

/**
 * POST /orders on an HTTP API: sluice with middy's HTTP middlewares and Powertools Metrics, in the order that
 * lets every after/onError hook run.
 *
 * @example
 * curl -X POST https://…/orders -H 'idempotency-key: 42' -d '{"sku":"A1","quantity":2}'
 */
export const handler = lambda<APIGatewayProxyEventV2>()
  .use(timeout({ onTimeout: () => ({ statusCode: 503, body: 'Busy, try again' }) })) // 1. first
  .use(logger({ service: 'orders' })) // 2.
  .use(httpHeaderNormalizer()) // 3.
  .use(idempotency<APIGatewayProxyEventV2>({ key: idempotencyKey, onMissingKey: 'skip' })) // 4.
  .use(httpCors({ origins: ['https://shop.example'] })) // 5.
  .use(httpSecurityHeaders())
  .use(httpResponseSerializer({ serializers: [json], defaultContentType: 'application/json' }))
  .use(httpErrorHandler({ logger: false })) // 6. after the three above
  .use(logMetrics(metrics)) // 7.
  .use(parse(envelopes.apigwHttp(order))) // 8. last
  .handler(async (order) => {
    if (order.sku === 'retired')
      throw new SluiceError('This product is no longer sold', { code: 'GONE', status: 410 })
    metrics.addDimension('sku', order.sku)
    metrics.addMetric('ItemsOrdered', MetricUnit.Count, order.quantity)
    return { statusCode: 201, body: { sku: order.sku, quantity: order.quantity } }
  })
