import { describe, expect, test } from 'vitest'
import {
  CallbackNotSupportedError,
  ContainerDisposedError,
  InvalidEventSpecError,
  InvalidOptionError,
  LambdaInvokeError,
  TestingError,
  UnknownEventBuilderError,
} from './errors.ts'

describe('errors', () => {
  test('share one base class and carry stable SCREAMING_SNAKE codes and their own names', () => {
    const errors = [
      new InvalidOptionError('timeoutMs', 'bad'),
      new UnknownEventBuilderError('x', ['sqs']),
      new InvalidEventSpecError('records', 'bad'),
      new CallbackNotSupportedError('done'),
      new ContainerDisposedError(),
      new LambdaInvokeError({ errorType: 'Error', errorMessage: 'boom', trace: [] }),
    ]
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['InvalidOptionError', 'INVALID_OPTION'],
      ['UnknownEventBuilderError', 'UNKNOWN_EVENT_BUILDER'],
      ['InvalidEventSpecError', 'INVALID_EVENT_SPEC'],
      ['CallbackNotSupportedError', 'CALLBACK_NOT_SUPPORTED'],
      ['ContainerDisposedError', 'CONTAINER_DISPOSED'],
      ['LambdaInvokeError', 'LAMBDA_INVOKE_FAILED'],
    ])
    for (const error of errors) expect(error).toBeInstanceOf(TestingError)
  })

  test('LambdaInvokeError exposes the Lambda body and keeps the cause', () => {
    const cause = new Error('inner')
    const error = new LambdaInvokeError(
      { errorType: 'Error', errorMessage: 'inner', trace: ['x'] },
      { cause },
    )
    expect(error.message).toBe('Error: inner')
    expect(error.errorType).toBe('Error')
    expect(error.lambdaError.trace).toEqual(['x'])
    expect(error.cause).toBe(cause)
  })

  test('messages say what to do', () => {
    expect(new UnknownEventBuilderError('sqs-ish', ['sqs', 'sns']).message).toBe(
      'Unknown event builder "sqs-ish". Use one of: sqs, sns.',
    )
    expect(new ContainerDisposedError().message).toMatch(/createContainer\(\)/)
  })
})
