import { randomUUID } from 'node:crypto'
import type { MqEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.mq`: an Amazon MQ for ActiveMQ event with one JSON text message.
 *
 * @example
 * events.mq().messages[0]?.data // base64 of '{"index":0}'
 */
export function mqFromPartial(partial: Overrides<MqEvent> = {}): MqEvent {
  const { region, accountId, now } = eventSource(partial)
  const broker = `b-${randomUUID()}`
  const base: MqEvent = {
    eventSource: 'aws:mq',
    eventSourceArn: `arn:aws:mq:${region}:${accountId}:broker:sluice-broker:${broker}`,
    messages: [
      {
        messageID: `ID:${broker}-1.mq.${region}.amazonaws.com-37557-1234520418293-4:1:1:1:1`,
        messageType: 'jms/text-message',
        data: Buffer.from(JSON.stringify({ index: 0 })).toString('base64'),
        connectionId: 'myJMSCoID',
        redelivered: false,
        persistent: true,
        destination: { physicalName: 'sluice-queue' },
        timestamp: now,
        brokerInTime: now,
        brokerOutTime: now + 1,
        properties: { index: '0' },
      },
    ],
  }
  return deepMerge<MqEvent>(base, eventPatch(partial))
}
