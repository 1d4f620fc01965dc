import { randomBytes, randomUUID } from 'node:crypto'
import type { AlexaEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.alexa`: a new-session `LaunchRequest` to a skill.
 *
 * @example
 * events.alexa({ request: { type: 'IntentRequest', intent: { name: 'OrderIntent' } } })
 */
export function alexaFromPartial(partial: Overrides<AlexaEvent> = {}): AlexaEvent {
  const { now } = eventSource(partial)
  const application = { applicationId: `amzn1.ask.skill.${randomUUID()}` }
  const user = { userId: `amzn1.ask.account.${randomBytes(24).toString('hex').toUpperCase()}` }
  const base: AlexaEvent = {
    version: '1.0',
    session: {
      new: true,
      sessionId: `amzn1.echo-api.session.${randomUUID()}`,
      application,
      attributes: {},
      user,
    },
    context: {
      System: {
        application,
        user,
        device: {
          deviceId: `amzn1.ask.device.${randomBytes(24).toString('hex').toUpperCase()}`,
          supportedInterfaces: {},
        },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: randomBytes(32).toString('base64url'),
      },
    },
    request: {
      type: 'LaunchRequest',
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: `${new Date(now).toISOString().slice(0, 19)}Z`,
      locale: 'en-US',
    },
  }
  return deepMerge<AlexaEvent>(base, eventPatch(partial))
}
