import { randomUUID } from 'node:crypto'
import type { ConnectContactFlowEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['connect-contact-flow']`: an inbound voice contact reaching a flow's "Invoke AWS Lambda function" block,
 * queued, with every optional field present.
 *
 * @example
 * events['connect-contact-flow']({ Details: { Parameters: { action: 'lookup' } } })
 */
export function connectContactFlowFromPartial(
  partial: Overrides<ConnectContactFlowEvent> = {},
): ConnectContactFlowEvent {
  const { region, accountId } = eventSource(partial)
  const instance = `arn:aws:connect:${region}:${accountId}:instance/${randomUUID()}`
  const contactId = randomUUID()
  const base: ConnectContactFlowEvent = {
    Name: 'ContactFlowEvent',
    Details: {
      ContactData: {
        Attributes: { customerTier: 'gold' },
        Channel: 'VOICE',
        ContactId: contactId,
        CustomerEndpoint: { Address: '+15555550100', Type: 'TELEPHONE_NUMBER' },
        InitialContactId: contactId,
        InitiationMethod: 'INBOUND',
        InstanceARN: instance,
        PreviousContactId: contactId,
        Queue: { ARN: `${instance}/queue/${randomUUID()}`, Name: 'BasicQueue' },
        SystemEndpoint: { Address: '+15555550199', Type: 'TELEPHONE_NUMBER' },
        MediaStreams: { Customer: { Audio: null } },
      },
      Parameters: { action: 'lookup' },
    },
  }
  return deepMerge<ConnectContactFlowEvent>(base, eventPatch(partial))
}
