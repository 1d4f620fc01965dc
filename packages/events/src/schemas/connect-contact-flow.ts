import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { openEnum } from './open-enum.ts'

const endpoint = lazy(() =>
  z.looseObject({ Address: z.string(), Type: openEnum(['TELEPHONE_NUMBER', 'VOIP', 'EMAIL_ADDRESS']) }),
)

/**
 * An Amazon Connect flow's "Invoke AWS Lambda function" block (source id `connect-contact-flow`): the contact's
 * data and the block's `Parameters`. Endpoints and the queue are `null` where the contact has none (a chat has no
 * phone number, a contact not yet queued has no queue); channels, initiation methods and endpoint types are open
 * enums, since Connect keeps adding them (tasks, email, …). `Name` is `ContactFlowEvent` today.
 * Contract: https://docs.aws.amazon.com/connect/latest/adminguide/connect-lambda-functions.html and
 * https://docs.aws.amazon.com/lambda/latest/dg/services-connect.html
 *
 * @example
 * const event: ConnectContactFlowEvent = connectContactFlowSchema.parse(input)
 * const caller = event.Details.ContactData.CustomerEndpoint?.Address
 */
export const connectContactFlowSchema = sourceSchema('connect-contact-flow', () =>
  z.looseObject({
    Name: openEnum(['ContactFlowEvent']),
    Details: z.looseObject({
      ContactData: z.looseObject({
        Attributes: z.record(z.string(), z.string()),
        Channel: openEnum(['VOICE', 'CHAT', 'TASK', 'EMAIL']),
        ContactId: z.string(),
        CustomerEndpoint: endpoint.nullable().optional(),
        InitialContactId: z.string(),
        InitiationMethod: openEnum([
          'INBOUND',
          'OUTBOUND',
          'TRANSFER',
          'CALLBACK',
          'API',
          'QUEUE_TRANSFER',
          'EXTERNAL_OUTBOUND',
          'MONITOR',
          'DISCONNECT',
        ]),
        InstanceARN: z.string(),
        PreviousContactId: z.string().optional(),
        Queue: z.looseObject({ ARN: z.string(), Name: z.string() }).nullable().optional(),
        SystemEndpoint: endpoint.nullable().optional(),
        MediaStreams: z
          .looseObject({ Customer: z.looseObject({ Audio: z.looseObject({}).nullable() }) })
          .optional(),
      }),
      Parameters: z.record(z.string(), z.string()),
    }),
  }),
)

/**
 * The type of {@link connectContactFlowSchema}; `ConnectContactFlowEvent` with open enums and the endpoints,
 * queue, previous contact and media streams optional.
 *
 * @example
 * const contact = (event: ConnectContactFlowEvent) => event.Details.ContactData.ContactId
 */
export type ConnectContactFlowEvent = z.output<typeof connectContactFlowSchema>
