import { randomBytes, randomUUID } from 'node:crypto'
import type { AppSyncResolverEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'
import type { AlexaSkillEvent, IotButtonEvent } from './local-types.ts'

/**
 * `events.appsync`: a direct Lambda resolver call for `Query.getOrder(id)` by a Cognito user.
 *
 * @example
 * events.appsync({ arguments: { id: 'o-2' } })
 */
export function appsyncFromPartial(
  partial: Overrides<AppSyncResolverEvent<Record<string, unknown>>> = {},
): AppSyncResolverEvent<Record<string, unknown>> {
  const { region } = eventSource(partial)
  const sub = randomUUID()
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${region}_${randomBytes(6).toString('base64url').slice(0, 9)}`
  const base: AppSyncResolverEvent<Record<string, unknown>> = {
    arguments: { id: 'o-1' },
    identity: {
      sub,
      issuer,
      username: 'ada',
      claims: { sub, iss: issuer, 'cognito:username': 'ada', token_use: 'id' },
      sourceIp: ['203.0.113.10'],
      defaultAuthStrategy: 'ALLOW',
      groups: null,
    },
    source: null,
    request: { headers: { 'content-type': 'application/json' }, domainName: null },
    info: {
      selectionSetList: ['id', 'total'],
      selectionSetGraphQL: '{\n  id\n  total\n}',
      parentTypeName: 'Query',
      fieldName: 'getOrder',
      variables: {},
    },
    prev: null,
    stash: {},
  }
  return deepMerge<AppSyncResolverEvent<Record<string, unknown>>>(base, eventPatch(partial))
}

/**
 * `events.alexa`: a new-session `LaunchRequest` to a skill.
 *
 * @example
 * events.alexa({ request: { type: 'IntentRequest', intent: { name: 'OrderIntent' } } })
 */
export function alexaFromPartial(partial: Overrides<AlexaSkillEvent> = {}): AlexaSkillEvent {
  const { now } = eventSource(partial)
  const application = { applicationId: `amzn1.ask.skill.${randomUUID()}` }
  const user = { userId: `amzn1.ask.account.${randomBytes(24).toString('hex').toUpperCase()}` }
  const base: AlexaSkillEvent = {
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
  return deepMerge<AlexaSkillEvent>(base, eventPatch(partial))
}

/**
 * `events['iot-button']`: a single click of an AWS IoT Button.
 *
 * @example
 * events['iot-button']({ clickType: 'LONG' })
 */
export function iotButtonFromPartial(partial: Overrides<IotButtonEvent> = {}): IotButtonEvent {
  const base: IotButtonEvent = {
    serialNumber: `G030PM${randomBytes(5).toString('hex').toUpperCase()}`,
    clickType: 'SINGLE',
    batteryVoltage: '1613mV',
  }
  return deepMerge<IotButtonEvent>(base, eventPatch(partial))
}
