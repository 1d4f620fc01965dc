import { httpResponseStream, lambda, SluiceError } from '@sluice/core'
import { logger } from '@sluice/logger'
import { timeout } from '@sluice/timeout'
import type { LambdaFunctionURLEvent } from 'aws-lambda'
import { readPages, toCsv } from './orders.ts'

const MAX_PAGES = 50

const pagesOf = (event: LambdaFunctionURLEvent): number => {
  const pages = Number(event.queryStringParameters?.pages ?? '3')
  if (Number.isInteger(pages) && pages >= 1 && pages <= MAX_PAGES) return pages
  throw new SluiceError(`pages must be a whole number from 1 to ${MAX_PAGES}`, {
    code: 'PAGES_INVALID',
    status: 400,
    path: ['queryStringParameters', 'pages'],
  })
}

/**
 * GET /orders.csv on a Function URL with `InvokeMode: RESPONSE_STREAM`: the export is sent a page at a time as the
 * query reads it, so the client sees the first rows after one page, not after all of them, and the response may
 * pass the 6 MB a buffered response is limited to. A bad query is answered 400 before the first byte; at the
 * deadline the timeout guard ends the stream with an error, as Lambda would cut it.
 *
 * @example
 * sluice invoke examples/order-export/handler.ts#handler --event examples/order-export/event.json
 */
export const handler = lambda<LambdaFunctionURLEvent>()
  .use(logger({ service: 'exports' }))
  .use(timeout())
  .catch((error) => ({
    statusCode: error.status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: error.code, message: error.expose ? error.message : 'internal error' }),
  }))
  .stream(async (event, stream, context) => {
    const pages = pagesOf(event)
    const csv = httpResponseStream(stream, {
      statusCode: 200,
      headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="orders.csv"' },
    })
    csv.write('id,customer,cents\n')
    let rows = 0
    for await (const page of readPages(pages, context.timeout.signal)) {
      csv.write(toCsv(page))
      rows += page.length
    }
    csv.end()
    context.log.info({ pages, rows }, 'export streamed')
  })
