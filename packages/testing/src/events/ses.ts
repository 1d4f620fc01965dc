import { randomBytes, randomUUID } from 'node:crypto'
import type { SESEvent, SESEventRecord } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge, eventPatch, type Overrides, recordPartials } from './deep-merge.ts'

/**
 * Options of `events.ses`: a deep partial of the event (`Records`: one partial per record, laid over the default
 * record), or a count of default `records`.
 *
 * @example
 * const options: SesPartial = { records: 3 }
 */
export type SesPartial = Overrides<SESEvent> & {
  /** A count of default records (default 1), used when `Records` is not given. */
  records?: number
}

/**
 * `events.ses`: an email received by an SES receipt rule with a Lambda action.
 *
 * @example
 * events.ses().Records[0]?.ses.mail.commonHeaders.subject // 'Order 1'
 */
export function sesFromPartial(partial: SesPartial = {}): SESEvent {
  const { region, accountId, now } = eventSource(partial)
  const { Records: parts } = eventPatch<SESEvent>(partial)
  const time = new Date(now).toISOString()
  const messageId = randomBytes(20).toString('hex').slice(0, 40)
  const from = 'sender@example.com'
  const to = 'orders@example.com'
  const pass = { status: 'PASS' as const }
  const record: SESEventRecord = {
    eventSource: 'aws:ses',
    eventVersion: '1.0',
    ses: {
      mail: {
        timestamp: time,
        source: from,
        messageId,
        destination: [to],
        headersTruncated: false,
        headers: [
          { name: 'From', value: from },
          { name: 'To', value: to },
          { name: 'Subject', value: 'Order 1' },
        ],
        commonHeaders: {
          returnPath: from,
          from: [from],
          date: new Date(now).toUTCString(),
          to: [to],
          messageId: `<${randomUUID()}@example.com>`,
          subject: 'Order 1',
        },
      },
      receipt: {
        timestamp: time,
        processingTimeMillis: 412,
        recipients: [to],
        spamVerdict: pass,
        virusVerdict: pass,
        spfVerdict: pass,
        dkimVerdict: pass,
        dmarcVerdict: pass,
        dmarcPolicy: 'reject',
        action: {
          type: 'Lambda',
          functionArn: `arn:aws:lambda:${region}:${accountId}:function:sluice-function`,
          invocationType: 'Event',
        },
      },
    },
  }
  const list = parts ?? recordPartials<DeepPartial<SESEventRecord>>(partial.records)
  return { Records: list.map((patch) => deepMerge<SESEventRecord>(record, patch)) }
}
