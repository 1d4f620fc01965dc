import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { validCodecommit } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/codecommit/latest/userguide/how-to-notify-lambda.html

/**
 * A CodeCommit repository trigger (source id `codecommit`): the references a push created, updated or deleted.
 *
 * @example
 * const event: CodecommitEvent = codecommitSchema.parse(input)
 * event.Records[0]?.codecommit.references.map((r) => r.ref)
 */
export const codecommitSchema = sourceSchema('codecommit', validCodecommit, () =>
  z.looseObject({
    Records: z.array(
      z.looseObject({
        awsRegion: z.string(),
        codecommit: z.looseObject({
          references: z.array(
            z.looseObject({
              commit: z.string(),
              ref: z.string(),
              created: z.boolean().optional(),
              deleted: z.boolean().optional(),
            }),
          ),
        }),
        customData: z.string().optional(),
        eventId: z.string(),
        eventName: z.string(),
        eventPartNumber: z.number(),
        eventSource: z.literal('aws:codecommit'),
        eventSourceARN: z.string(),
        eventTime: z.string(),
        eventTotalParts: z.number(),
        eventTriggerConfigId: z.string(),
        eventTriggerName: z.string(),
        eventVersion: z.string(),
        userIdentityARN: z.string(),
      }),
    ),
  }),
)

/**
 * The type of {@link codecommitSchema}; assignable to `CodeCommitTriggerEvent` from `@types/aws-lambda`.
 *
 * @example
 * const refs = (event: CodecommitEvent) => event.Records.flatMap((r) => r.codecommit.references)
 */
export type CodecommitEvent = z.output<typeof codecommitSchema>
