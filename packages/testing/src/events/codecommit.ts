import { randomBytes, randomUUID } from 'node:crypto'
import type { CodeCommitTrigger, CodeCommitTriggerEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge, eventPatch, type Overrides, recordPartials } from './deep-merge.ts'

/**
 * Options of `events.codecommit`: a deep partial of the event (`Records`: one partial per record, laid over the default
 * record), or a count of default `records`.
 *
 * @example
 * const options: CodecommitPartial = { records: 3 }
 */
export type CodecommitPartial = Overrides<CodeCommitTriggerEvent> & {
  /** A count of default records (default 1), used when `Records` is not given. */
  records?: number
}

/**
 * `events.codecommit`: a push to `main` seen by a repository trigger.
 *
 * @example
 * events.codecommit().Records[0]?.codecommit.references[0]?.ref // 'refs/heads/main'
 */
export function codecommitFromPartial(partial: CodecommitPartial = {}): CodeCommitTriggerEvent {
  const { region, accountId, now } = eventSource(partial)
  const { Records: parts } = eventPatch<CodeCommitTriggerEvent>(partial)
  const record: CodeCommitTrigger = {
    awsRegion: region,
    codecommit: { references: [{ commit: randomBytes(20).toString('hex'), ref: 'refs/heads/main' }] },
    eventId: randomUUID(),
    eventName: 'ReferenceChanges',
    eventPartNumber: 1,
    eventSource: 'aws:codecommit',
    eventSourceARN: `arn:aws:codecommit:${region}:${accountId}:sluice-repo`,
    eventTime: new Date(now).toISOString().replace('Z', '+0000'),
    eventTotalParts: 1,
    eventTriggerConfigId: randomUUID(),
    eventTriggerName: 'sluice-trigger',
    eventVersion: '1.0',
    userIdentityARN: `arn:aws:iam::${accountId}:user/sluice`,
  }
  const list = parts ?? recordPartials<DeepPartial<CodeCommitTrigger>>(partial.records)
  return { Records: list.map((patch) => deepMerge<CodeCommitTrigger>(record, patch)) }
}
