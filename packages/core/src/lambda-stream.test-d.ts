import type { Readable } from 'node:stream'
import type { Context, LambdaFunctionURLEvent, SQSEvent, StreamifyHandler } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { lambda } from './lambda.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { Middleware } from './middleware.ts'
import type { ResponseStream } from './response-stream.ts'
import type { StreamingHandler } from './streamify.ts'

interface Report {
  month: string
}
const parseReport = (): Middleware<{ in: LambdaFunctionURLEvent; event: Report }> => ({
  before: function parseReportBefore(request) {
    request.event = { month: request.event.queryStringParameters?.month ?? 'latest' } as never
  },
})
const withTenant = (): Middleware<{ context: { tenant: string } }> => ({
  before: function withTenantBefore(request) {
    request.context.tenant = 'acme'
  },
})

describe('lambda().stream() types', () => {
  test('the business function gets the event after the chain, a typed response stream and the context', () => {
    lambda<LambdaFunctionURLEvent>()
      .use(parseReport())
      .use(withTenant())
      .stream(async (report, stream, context) => {
        expectTypeOf(report).toEqualTypeOf<Report>()
        expectTypeOf(stream).toEqualTypeOf<ResponseStream>()
        expectTypeOf(stream.setContentType).parameter(0).toEqualTypeOf<string>()
        expectTypeOf(context.tenant).toEqualTypeOf<string>()
        expectTypeOf(context.lifecycle).toEqualTypeOf<Lifecycle>()
      })
  })

  test('it is a streaming handler on the input event, and fits @types/aws-lambda’s StreamifyHandler', () => {
    const handler = lambda<LambdaFunctionURLEvent>().stream(() => 'hi')
    expectTypeOf(handler).toEqualTypeOf<StreamingHandler<LambdaFunctionURLEvent>>()
    expectTypeOf(handler).toExtend<StreamifyHandler<LambdaFunctionURLEvent, void>>()
    expectTypeOf(handler).parameter(2).toEqualTypeOf<Context>()
    expectTypeOf(handler).returns.toEqualTypeOf<Promise<void>>()
  })

  test('it may return a body, bytes, a stream, an HTTP response, or nothing', () => {
    const readable = {} as Readable
    lambda().stream(() => 'text')
    lambda().stream(() => new Uint8Array(1))
    lambda().stream(() => readable)
    lambda().stream(() => new Blob([]).stream())
    lambda().stream(async () => ({ statusCode: 200, headers: { a: 'b' }, cookies: ['c=d'], body: readable }))
    lambda().stream(async (_event, stream) => {
      stream.end()
    })
  })

  test('anything else is a type error', () => {
    // @ts-expect-error a number is not a body
    lambda().stream(() => 42)
    // @ts-expect-error an object without statusCode is not an HTTP response
    lambda().stream(() => ({ status: 200, body: 'x' }))
    // @ts-expect-error headers are strings
    lambda().stream(() => ({ statusCode: 200, headers: { retry: 3 } }))
  })

  test('a .catch() must return what a stream can send, or .stream() does not compile', () => {
    lambda()
      .catch((error) => ({ statusCode: error.status, body: error.message }))
      .stream(() => 'ok')
    lambda()
      .catch(() => 'sorry')
      .stream(() => 'ok')
    const caughtAsNumber = lambda().catch(() => 500)
    // @ts-expect-error the catch returns a number, which a stream cannot send
    caughtAsNumber.stream(() => 'ok')
  })

  test('the event must fit the middlewares, as with .handler()', () => {
    const sqs = lambda<SQSEvent>()
    // @ts-expect-error parseReport needs a Function URL event
    sqs.use(parseReport())
  })
})
