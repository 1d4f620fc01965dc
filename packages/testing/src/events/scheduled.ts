import type { ScheduledEvent } from 'aws-lambda'
import { type EventSourceOptions, eventSource } from './common.ts'
import { eventBridgeEvent } from './eventbridge.ts'

/**
 * Which schedule rule fired.
 *
 * @example
 * scheduledEvent({ ruleName: 'nightly-report' })
 */
export type ScheduledEventOptions = EventSourceOptions & {
  /** Default `sluice-schedule`. */
  ruleName?: string
}

/**
 * The event an EventBridge schedule rule sends: `source` `aws.events`, `detail-type`
 * `Scheduled Event`, empty `detail`, the rule's ARN in `resources`.
 *
 * @example
 * scheduledEvent().resources // ['arn:aws:events:us-east-1:123456789012:rule/sluice-schedule']
 */
export function scheduledEvent(options: ScheduledEventOptions = {}): ScheduledEvent<Record<string, never>> {
  const { region, accountId } = eventSource(options)
  const detail: Record<string, never> = {}
  return eventBridgeEvent({
    ...options,
    detailType: 'Scheduled Event',
    source: 'aws.events',
    detail,
    resources: [`arn:aws:events:${region}:${accountId}:rule/${options.ruleName ?? 'sluice-schedule'}`],
  })
}
