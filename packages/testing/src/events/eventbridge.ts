import { randomUUID } from 'node:crypto'
import type { EventBridgeEvent } from 'aws-lambda'
import { type EventSourceOptions, eventSource, isoSeconds } from './common.ts'

/**
 * The event a rule delivers: its `detail-type`, `source` and `detail` are typed from what you pass.
 *
 * @example
 * const options: EventBridgeEventOptions<'OrderPlaced', { id: string }> = {
 *   detailType: 'OrderPlaced', detail: { id: 'o-1' },
 * }
 */
export type EventBridgeEventOptions<$DetailType extends string, $Detail> = EventSourceOptions & {
  detailType: $DetailType
  detail: $Detail
  /** Default `sluice.test`. */
  source?: string
  resources?: string[]
}

/**
 * An EventBridge event whose `detail-type` and `detail` types flow from the arguments.
 *
 * @example
 * const event = eventBridgeEvent({ detailType: 'OrderPlaced', source: 'shop.orders', detail: { id: 'o-1' } })
 * event['detail-type'] // type 'OrderPlaced'
 * event.detail.id // 'o-1'
 */
export function eventBridgeEvent<$DetailType extends string, $Detail>(
  options: EventBridgeEventOptions<$DetailType, $Detail>,
): EventBridgeEvent<$DetailType, $Detail> {
  const { region, accountId, now } = eventSource(options)
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': options.detailType,
    source: options.source ?? 'sluice.test',
    account: accountId,
    time: isoSeconds(now),
    region,
    resources: options.resources ?? [],
    detail: options.detail,
  }
}
