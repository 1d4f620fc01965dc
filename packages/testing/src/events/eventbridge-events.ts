import { randomBytes } from 'node:crypto'
import type { EventBridgeEvent, S3ObjectCreatedNotificationEventDetail, ScheduledEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'
import { eventBridgeEvent } from './eventbridge.ts'
import { scheduledEvent } from './scheduled.ts'

/**
 * Overrides for `events.eventbridge`: a deep partial of the event, with `detail` of any type (an
 * `EventBridgeEvent<'Order Placed', Order>` fits as it is); an object `detail` is merged into the default one.
 *
 * @example
 * const partial: EventBridgePartial<{ orderId: string }> = { detail: { orderId: 'o-2' } }
 */
export type EventBridgePartial<$Detail> = Omit<Overrides<EventBridgeEvent<string, $Detail>>, 'detail'> & {
  detail?: $Detail
}

/**
 * `events.eventbridge`: an `Order Placed` event from `sluice.test` unless overridden; `detail` takes the type of
 * the one you pass.
 *
 * @example
 * events.eventbridge({ source: 'shop.orders', detail: { orderId: 'o-2' } })
 */
export function eventBridgeFromPartial<$Detail = Record<string, unknown>>(
  partial: EventBridgePartial<$Detail> = {},
): EventBridgeEvent<string, $Detail> {
  const base = eventBridgeEvent<string, unknown>({
    ...partial,
    detailType: 'Order Placed',
    detail: { orderId: 'o-1' },
  })
  const patch = eventPatch<EventBridgeEvent<string, unknown>>(partial)
  return deepMerge(base, patch) as EventBridgeEvent<string, $Detail>
}

/**
 * `events.scheduled`: an EventBridge schedule rule firing.
 *
 * @example
 * events.scheduled({ resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly'] })
 */
export function scheduledFromPartial(
  partial: Overrides<ScheduledEvent<Record<string, never>>> = {},
): ScheduledEvent<Record<string, never>> {
  return deepMerge<ScheduledEvent<Record<string, never>>>(scheduledEvent(partial), eventPatch(partial))
}

/**
 * An S3 `Object Created` event as EventBridge delivers it. */
export type S3EventBridgeEvent = EventBridgeEvent<
  'Object Created',
  S3ObjectCreatedNotificationEventDetail
> & {
  source: 'aws.s3'
}

/**
 * `events['s3-eventbridge']`: an `Object Created` notification through EventBridge.
 *
 * @example
 * events['s3-eventbridge']({ detail: { object: { key: 'in/a.csv' } } })
 */
export function s3EventBridgeFromPartial(partial: Overrides<S3EventBridgeEvent> = {}): S3EventBridgeEvent {
  const { accountId } = eventSource(partial)
  const bucket = 'sluice-bucket'
  const base = eventBridgeEvent({
    ...partial,
    detailType: 'Object Created' as const,
    source: 'aws.s3',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0' as const,
      bucket: { name: bucket },
      object: {
        key: 'object-0.json',
        size: 1024,
        etag: randomBytes(16).toString('hex'),
        'version-id': randomBytes(16).toString('base64url'),
        sequencer: randomBytes(9).toString('hex').toUpperCase(),
      },
      'request-id': randomBytes(8).toString('hex').toUpperCase(),
      requester: accountId,
      'source-ip-address': '203.0.113.10',
      reason: 'PutObject' as const,
    },
  })
  return deepMerge<S3EventBridgeEvent>({ ...base, source: 'aws.s3' }, eventPatch(partial))
}
