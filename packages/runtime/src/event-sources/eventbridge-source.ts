import { events } from '@sluice/testing'
import { SluiceRuntimeError } from '../errors.ts'
import type { AsyncInvokerOptions } from './async-invoker.ts'
import { type AsyncSource, asyncSource, badInput, field } from './async-source.ts'

/**
 * Options of {@link eventbridgeSource}: the bus (a name, shown in lines), where it lives, and Lambda's asynchronous
 * invocation settings.
 *
 * @example
 * const options: EventbridgeSourceOptions = { function: runtime, bus: 'orders', maximumEventAgeInSeconds: 600 }
 */
export interface EventbridgeSourceOptions extends AsyncInvokerOptions {
  /** Default `default`. */
  readonly bus?: string
  readonly region?: string
  readonly accountId?: string
}

/**
 * One `PutEvents` entry that a rule sends to the function.
 *
 * @example
 * const input: EventbridgeSourceInput = { source: 'shop.orders', detailType: 'Order Placed', detail: { orderId: 'o-1' } }
 */
export interface EventbridgeSourceInput {
  readonly source: string
  readonly detailType: string
  /** A JSON object, as EventBridge requires. */
  readonly detail: Readonly<Record<string, unknown>>
  /** ARNs the event is about; default none. */
  readonly resources?: readonly string[]
}

/**
 * An event bus with a rule targeting the function: each `send` becomes an `EventBridgeEvent` (fresh `id`,
 * `version: '0'`, `account`, `time`, `region`, `resources`), invoked asynchronously as EventBridge does.
 *
 * @example
 * await using bus = eventbridgeSource({ function: runtime, bus: 'orders' })
 * await bus.send({ source: 'shop.orders', detailType: 'Order Placed', detail: { orderId: 'o-1' } })
 */
export function eventbridgeSource(options: EventbridgeSourceOptions): AsyncSource<EventbridgeSourceInput> {
  const { bus = 'default' } = options
  if (typeof bus !== 'string' || !/^[A-Za-z0-9._/-]{1,256}$/.test(bus))
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_INVALID_OPTION',
      `eventbridge: bus must be an event bus name (1–256 of A-Z a-z 0-9 . _ - /), got ${JSON.stringify(bus)}`,
    )
  return asyncSource('eventbridge', { ...options, name: options.name ?? bus }, (input, where) => {
    const source = field(input, 'source', 'string', 'eventbridge') ?? ''
    const detailType = field(input, 'detailType', 'string', 'eventbridge') ?? ''
    const detail = field(input, 'detail', 'object', 'eventbridge') ?? {}
    const resources = field(input, 'resources', 'array', 'eventbridge', false) ?? []
    if (!resources.every((arn) => typeof arn === 'string'))
      throw badInput('eventbridge', '"resources" must be a list of ARNs (strings)')
    const envelope = events.eventbridge({
      ...where,
      source,
      'detail-type': detailType,
      resources,
    })
    // The builder merges `detail` into a sample one; the event carries exactly the detail that was put.
    return { ...envelope, detail }
  })
}
