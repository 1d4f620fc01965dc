import type { EventSourceOptions } from '@sluice/testing'
import { SluiceRuntimeError } from '../errors.ts'
import { type AsyncInvoker, type AsyncInvokerOptions, asyncInvoker } from './async-invoker.ts'
import type { EventSource } from './source-types.ts'

/**
 * An AWS service that invokes a function asynchronously (S3, SNS, EventBridge): what `send` takes is one
 * notification, turned into the event that service sends; retries, event age and destinations are Lambda's.
 *
 * @example
 * const uploads: AsyncSource<S3SourceInput> = s3Source({ function: runtime, bucket: 'uploads' })
 */
export type AsyncSource<TInput> = Omit<AsyncInvoker, 'send'> & EventSource<TInput>

/**
 * Builds an {@link AsyncSource} over {@link asyncInvoker}: every input goes through `toEvent` (which checks it and
 * throws a typed error) before any is sent. `toEvent` gets what a `@sluice/testing` event builder takes to place
 * the event: the source's `region` and `accountId` when set, and a clock reading the invoker's Lambda time.
 *
 * @example
 * const source = asyncSource<{ id: string }>('custom', options, (input, where) => events.sns({ ...where, topicName: field(input, 'id', 'string', 'custom') }))
 */
export function asyncSource<TInput>(
  kind: string,
  options: AsyncInvokerOptions & { readonly region?: string; readonly accountId?: string },
  toEvent: (input: unknown, where: EventSourceOptions) => unknown,
): AsyncSource<TInput> {
  const invoker = asyncInvoker({ ...options, name: options.name ?? kind })
  const { region, accountId } = options
  const where: EventSourceOptions = {
    clock: { now: () => invoker.time.now() },
    ...(region === undefined ? {} : { region }),
    ...(accountId === undefined ? {} : { accountId }),
  }
  return {
    ...invoker,
    kind,
    send: async (input) => {
      const inputs: readonly unknown[] = Array.isArray(input) ? input : [input]
      return invoker.send(inputs.map((one) => toEvent(one, where)))
    },
  }
}

/**
 * The field `key` of a `send` input, checked: `required` and of `type`; anything else throws `INVALID_ARGUMENT`
 * naming the source, the field and what it takes.
 *
 * @example
 * const key = field(input, 'key', 'string', 's3') // throws when input.key is missing or not a string
 */
export function field<TType extends keyof FieldType>(
  input: unknown,
  key: string,
  type: TType,
  source: string,
  required = true,
): FieldType[TType] | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw badInput(source, `each message must be an object (got ${typeof input})`)
  const value: unknown = Reflect.get(input, key)
  if (value === undefined && !required) return undefined
  if (isType(value, type)) return value
  const expected = type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`
  throw badInput(source, `"${key}" must be ${expected} (got ${describe(value)})`)
}

type FieldType = { string: string; number: number; object: Record<string, unknown>; array: unknown[] }

function isType<TType extends keyof FieldType>(value: unknown, type: TType): value is FieldType[TType] {
  if (type === 'array') return Array.isArray(value)
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value)
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value)
  return typeof value === 'string' && value.length > 0
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value
}

/**
 * The error of a `send` input that does not have the shape the source takes.
 *
 * @example
 * throw badInput('sns', '"subject" must be at most 100 characters')
 */
export function badInput(source: string, message: string): SluiceRuntimeError {
  return new SluiceRuntimeError('INVALID_ARGUMENT', `${source}: ${message}`)
}
