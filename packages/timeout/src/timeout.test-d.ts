import middy from '@middy/core'
import { lambda } from '@sluice/core'
import type { Context, SQSEvent } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import type { TimeoutError } from './errors.ts'
import { timeout } from './timeout.ts'
import { withTimeout } from './with-timeout.ts'

describe('timeout() types', () => {
  test('the handler after .use(timeout()) sees context.timeout: signal, remaining(), onCleanup()', () => {
    lambda<SQSEvent>()
      .use(timeout())
      .handler(async (event, context) => {
        expectTypeOf(event).toEqualTypeOf<SQSEvent>()
        expectTypeOf(context.timeout.signal).toEqualTypeOf<AbortSignal>()
        expectTypeOf(context.timeout.remaining).toEqualTypeOf<() => number>()
        expectTypeOf(context.timeout.onCleanup).parameter(0).toEqualTypeOf<() => unknown>()
        expectTypeOf(context.timeout.deadline).toEqualTypeOf<number>()
        expectTypeOf(context.lifecycle.deadline).toEqualTypeOf<number>()
      })
  })

  test('wrap() keeps the event type and adds what onTimeout returns to the result', () => {
    const guard = timeout({ onTimeout: () => ({ statusCode: 503 as const }) })
    const handler = guard.wrap(
      lambda<SQSEvent>()
        .use(guard)
        .handler(async () => ({ statusCode: 200 as const })),
    )
    expectTypeOf(handler).toEqualTypeOf<
      (event: SQSEvent, context: Context) => Promise<{ statusCode: 200 } | { statusCode: 503 }>
    >()
  })

  test('without onTimeout the result type is unchanged (the timeout is an error)', () => {
    const handler = withTimeout(async (event: { n: number }, context) => {
      expectTypeOf(context.timeout.signal).toEqualTypeOf<AbortSignal>()
      return event.n
    })
    expectTypeOf(handler).toEqualTypeOf<(event: { n: number }, context: Context) => Promise<number>>()
  })

  test('onTimeout gets the request and the TimeoutError', () => {
    timeout({
      onTimeout: (request, error) => {
        expectTypeOf(request.event).toEqualTypeOf<unknown>()
        expectTypeOf(error).toEqualTypeOf<TimeoutError>()
        return 'late'
      },
    })
  })

  test('the middleware fits plain middy', () => {
    expectTypeOf(middy().use(timeout())).toBeFunction()
  })

  test('options are checked', () => {
    // @ts-expect-error marginMs is a number of ms
    timeout({ marginMs: '500' })
  })
})
