import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent, CloudWatchLogsLogEvent } from 'aws-lambda'
import { type EventSourceOptions, eventSource, recordPayload } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'

/**
 * Overrides for `events['cloudwatch-logs']`: the decoded payload (`logEvents` a count or partials whose non-string
 * `message` becomes JSON); the builder gzips and base64-encodes it into `awslogs.data`.
 *
 * @example
 * const partial: CloudwatchLogsPartial = { logGroup: '/aws/lambda/orders', logEvents: [{ message: { level: 'error' } }] }
 */
export type CloudwatchLogsPartial = EventSourceOptions &
  Omit<DeepPartial<CloudWatchLogsDecodedData>, 'logEvents'> & {
    logEvents?:
      | number
      | ReadonlyArray<DeepPartial<Omit<CloudWatchLogsLogEvent, 'message'>> & { message?: unknown }>
  }

/**
 * `events['cloudwatch-logs']`: a subscription filter delivery of JSON log lines.
 *
 * @example
 * events['cloudwatch-logs']({ logEvents: [{ message: { level: 'error' } }] })
 */
export function cloudwatchLogsFromPartial(partial: CloudwatchLogsPartial = {}): CloudWatchLogsEvent {
  const { accountId, now } = eventSource(partial)
  const { logEvents, region: _, accountId: __, clock: ___, ...rest } = partial
  const decoded: CloudWatchLogsDecodedData = {
    owner: accountId,
    logGroup: '/aws/lambda/sluice-function',
    logStream: `${new Date(now).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomBytes(16).toString('hex')}`,
    subscriptionFilters: ['sluice-filter'],
    messageType: 'DATA_MESSAGE',
    logEvents: recordPartials(logEvents).map((part, i) => {
      const { message, ...eventRest } = part ?? {}
      const id = (36_000_000_000_000_000_000_000_000_000_000_000_000_000_000n + BigInt(i)).toString()
      const logEvent: CloudWatchLogsLogEvent = {
        id,
        timestamp: now,
        message: recordPayload(message, undefined, i, (index) => ({ level: 'info', index })),
      }
      return deepMerge<CloudWatchLogsLogEvent>(logEvent, eventRest)
    }),
  }
  const data = gzipSync(JSON.stringify(deepMerge<CloudWatchLogsDecodedData>(decoded, rest))).toString(
    'base64',
  )
  return { awslogs: { data } }
}
