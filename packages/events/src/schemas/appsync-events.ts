import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { appsyncIdentitySchema } from './appsync.ts'
import { openEnum } from './open-enum.ts'

/**
 * An AWS AppSync Events (the pub/sub Event API) direct Lambda integration call (source id `appsync-events`): a
 * channel namespace's `onPublish` (with the published `events`) or `onSubscribe` handler. `identity` is `null` for
 * API keys, as for GraphQL resolvers; `events` is absent or `null` on subscribe.
 * Contract: https://docs.aws.amazon.com/appsync/latest/eventapi/direct-lambda-integrations.html
 *
 * @example
 * const event: AppsyncEventsEvent = appsyncEventsSchema.parse(input)
 * if (event.info.operation === 'PUBLISH') return { events: event.events?.map(({ id, payload }) => ({ id, payload })) }
 */
export const appsyncEventsSchema = sourceSchema('appsync-events', () =>
  z.looseObject({
    identity: appsyncIdentitySchema,
    request: z.looseObject({
      headers: z.record(z.string(), z.string()),
      domainName: z.string().nullable(),
    }),
    info: z.looseObject({
      channel: z.looseObject({ path: z.string(), segments: z.array(z.string()) }),
      channelNamespace: z.looseObject({ name: z.string() }),
      operation: openEnum(['PUBLISH', 'SUBSCRIBE']),
    }),
    events: z
      .array(z.looseObject({ id: z.string(), payload: z.unknown() }))
      .nullable()
      .optional(),
    result: z.unknown().optional(),
    error: z.unknown().optional(),
    prev: z.unknown().optional(),
    stash: z.record(z.string(), z.unknown()).optional(),
    outErrors: z.array(z.unknown()).optional(),
  }),
)

/**
 * The type of {@link appsyncEventsSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const channel = (event: AppsyncEventsEvent) => event.info.channel.path
 */
export type AppsyncEventsEvent = z.output<typeof appsyncEventsSchema>
