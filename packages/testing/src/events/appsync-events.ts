import { randomBytes, randomUUID } from 'node:crypto'
import type { AppsyncEventsEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['appsync-events']`: an AppSync Events `onPublish` call with two events on `/default/orders`, from an
 * IAM caller, every optional field present.
 *
 * @example
 * events['appsync-events']({ info: { operation: 'SUBSCRIBE' }, events: null })
 */
export function appsyncEventsFromPartial(partial: Overrides<AppsyncEventsEvent> = {}): AppsyncEventsEvent {
  const { region, accountId } = eventSource(partial)
  const apiId = randomBytes(13).toString('hex').slice(0, 26)
  const base: AppsyncEventsEvent = {
    identity: {
      accountId,
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: ['203.0.113.10'],
      username: 'AROAEXAMPLE:ada',
      userArn: `arn:aws:sts::${accountId}:assumed-role/publisher/ada`,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    },
    request: {
      headers: { 'content-type': 'application/json', host: `${apiId}.appsync-api.${region}.amazonaws.com` },
      domainName: null,
    },
    info: {
      channel: { path: '/default/orders', segments: ['default', 'orders'] },
      channelNamespace: { name: 'default' },
      operation: 'PUBLISH',
    },
    events: [
      { id: randomUUID(), payload: { orderId: 'o-1' } },
      { id: randomUUID(), payload: { orderId: 'o-2' } },
    ],
    result: null,
    error: null,
    prev: null,
    stash: {},
    outErrors: [],
  }
  return deepMerge<AppsyncEventsEvent>(base, eventPatch(partial))
}
