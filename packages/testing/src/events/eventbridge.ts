import { randomBytes, randomUUID } from 'node:crypto'
import type { EventBridgeEvent, S3ObjectCreatedNotificationEventDetail, ScheduledEvent } from 'aws-lambda'
import { type EventSource, eventSource, isoSeconds } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * Options of `events.eventbridge`: a deep partial of the event, with `detail` of any type (an
 * `EventBridgeEvent<'Order Placed', Order>` fits as it is); an object `detail` is merged into the default one.
 *
 * @example
 * const partial: EventBridgePartial<{ orderId: string }> = { 'detail-type': 'Order Placed', detail: { orderId: 'o-2' } }
 */
export type EventBridgePartial<$Detail> = Omit<Overrides<EventBridgeEvent<string, $Detail>>, 'detail'> & {
  detail?: $Detail
}

/** The envelope every EventBridge event shares. */
function envelope<$Type extends string, $Detail>(
  { region, accountId, now }: EventSource,
  detailType: $Type,
  source: string,
  detail: $Detail,
  resources: string[] = [],
): EventBridgeEvent<$Type, $Detail> {
  const id = randomUUID()
  const time = isoSeconds(now)
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source,
    account: accountId,
    time,
    region,
    resources,
    detail,
  }
}

/**
 * `events.eventbridge`: an `Order Placed` event from `sluice.test` unless overridden; `detail` takes the type of
 * the one you pass.
 *
 * @example
 * events.eventbridge({ source: 'shop.orders', 'detail-type': 'Order Shipped', detail: { orderId: 'o-2' } })
 */
export function eventBridgeFromPartial<$Detail = Record<string, unknown>>(
  partial: EventBridgePartial<$Detail> = {},
): EventBridgeEvent<string, $Detail> {
  const base = envelope<string, unknown>(eventSource(partial), 'Order Placed', 'sluice.test', {
    orderId: 'o-1',
  })
  const patch = eventPatch<EventBridgeEvent<string, unknown>>(partial)
  return deepMerge(base, patch) as EventBridgeEvent<string, $Detail>
}

/**
 * Options of `events.scheduled`: a deep partial of the event, and the name of the rule that fired.
 *
 * @example
 * const options: ScheduledPartial = { ruleName: 'nightly-report' }
 */
export type ScheduledPartial = Overrides<ScheduledEvent<Record<string, never>>> & {
  /** Default `sluice-schedule`: the rule in `resources`. */
  ruleName?: string
}

/**
 * `events.scheduled`: the event an EventBridge schedule rule sends: `source` `aws.events`, `detail-type`
 * `Scheduled Event`, empty `detail`, the rule's ARN in `resources`.
 *
 * @example
 * events.scheduled({ ruleName: 'nightly' }).resources // ['arn:aws:events:us-east-1:123456789012:rule/nightly']
 */
export function scheduledFromPartial(partial: ScheduledPartial = {}): ScheduledEvent<Record<string, never>> {
  const { ruleName = 'sluice-schedule', ...overrides } = partial
  const source = eventSource(partial)
  const rule = `arn:aws:events:${source.region}:${source.accountId}:rule/${ruleName}`
  const detail: Record<string, never> = {}
  const base = envelope(source, 'Scheduled Event', 'aws.events', detail, [rule])
  return deepMerge<ScheduledEvent<Record<string, never>>>(base, eventPatch(overrides))
}

/**
 * An S3 `Object Created` event as EventBridge delivers it.
 *
 * @example
 * const event: S3EventBridgeEvent = events['s3-eventbridge']()
 */
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
  const source = eventSource(partial)
  const bucket = 'sluice-bucket'
  const base = envelope(
    source,
    'Object Created' as const,
    'aws.s3',
    {
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
      requester: source.accountId,
      'source-ip-address': '203.0.113.10',
      reason: 'PutObject' as const,
    },
    [`arn:aws:s3:::${bucket}`],
  )
  return deepMerge<S3EventBridgeEvent>({ ...base, source: 'aws.s3' }, eventPatch(partial))
}
