import { lambda } from '@sluice/core'
import type {
  Context,
  Handler,
  LambdaFunctionURLEvent,
  SQSEvent,
  SQSHandler,
  StreamifyHandler,
} from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { createContext } from './context.ts'
import { type InvokeResult, invoke, invokeResult } from './invoke.ts'
import type { StreamedResult } from './stream-recorder.ts'

describe('invoke types', () => {
  test('infers the result type from the handler, awaited', () => {
    const handler = async (event: { n: number }) => ({ doubled: event.n * 2 })
    expectTypeOf(invoke(handler, { n: 1 })).toEqualTypeOf<Promise<{ doubled: number }>>()
    expectTypeOf(invoke((event: string) => event.length, 'x')).toEqualTypeOf<Promise<number>>()
  })

  test('checks the event against the handler’s first parameter', () => {
    const handler = async (event: { n: number }, _context: Context) => event.n
    // @ts-expect-error: the event must match the handler's parameter
    invoke(handler, { n: 'one' })
    // @ts-expect-error: a missing field is an error too
    invoke(handler, {})
  })

  test('accepts handlers typed with @types/aws-lambda, callback parameter and all', () => {
    const sqsHandler: SQSHandler = async () => ({ batchItemFailures: [] })
    const event: SQSEvent = { Records: [] }
    expectTypeOf(invoke(sqsHandler, event)).toEqualTypeOf<Promise<Awaited<ReturnType<SQSHandler>>>>()
    const generic: Handler<{ id: string }, string> = async (e) => e.id
    expectTypeOf(invoke(generic, { id: 'a' })).toEqualTypeOf<Promise<Awaited<ReturnType<typeof generic>>>>()
  })

  test('invokeResult narrows on ok', async () => {
    const outcome = await invokeResult(async () => 42, {})
    expectTypeOf(outcome).toEqualTypeOf<InvokeResult<number>>()
    if (outcome.ok) expectTypeOf(outcome.result).toEqualTypeOf<number>()
    else expectTypeOf(outcome.error.errorType).toEqualTypeOf<string>()
  })

  test('takes either a ready context or context options, not both', () => {
    invoke(async () => 1, {}, { context: createContext() })
    invoke(async () => 1, {}, { timeoutMs: 10 })
    // @ts-expect-error: context options do not mix with a ready context
    invoke(async () => 1, {}, { context: createContext(), timeoutMs: 10 })
  })

  test('a streaming handler resolves to the streamed result, whatever it returns', () => {
    const handler = lambda<LambdaFunctionURLEvent>().stream(() => 'hi')
    const event = {} as LambdaFunctionURLEvent
    expectTypeOf(invoke(handler, event)).toEqualTypeOf<Promise<StreamedResult>>()
    const streamify: StreamifyHandler<{ id: string }, void> = async (_event, stream) => {
      stream.end()
    }
    expectTypeOf(invoke(streamify, { id: 'a' })).toEqualTypeOf<Promise<StreamedResult>>()
    // @ts-expect-error: the event must match the streaming handler's too
    invoke(handler, { rawPath: 1 })
  })

  test('invokeResult takes no streaming handler: invoke() already resolves with the stream’s error', () => {
    const streaming = lambda().stream(() => 'hi')
    // @ts-expect-error: streaming handlers go to invoke()
    invokeResult(streaming, {})
  })
})
