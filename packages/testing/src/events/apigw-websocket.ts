import { randomBytes } from 'node:crypto'
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge } from './deep-merge.ts'
import { bodyText, type HttpPartial, requestTime, SOURCE_IP, USER_AGENT } from './http-body.ts'

const opaqueId = () => `${randomBytes(10).toString('base64').slice(0, 14)}=`

/**
 * `events['apigw-websocket']`: a WebSocket MESSAGE event (override `requestContext.eventType` for the others).
 *
 * @example
 * events['apigw-websocket']({ requestContext: { eventType: 'CONNECT', routeKey: '$connect' } })
 */
export function apigwWebsocketFromPartial(
  partial: HttpPartial<APIGatewayProxyWebsocketEventV2> = {},
): APIGatewayProxyWebsocketEventV2 {
  const { region, now } = eventSource(partial)
  const apiId = randomBytes(5).toString('hex')
  const { text } = bodyText(partial.body ?? { action: 'sendmessage', data: 'hello' })
  const base = {
    requestContext: {
      routeKey: '$default',
      messageId: opaqueId(),
      eventType: 'MESSAGE' as const,
      extendedRequestId: opaqueId(),
      requestTime: requestTime(now),
      messageDirection: 'IN' as const,
      stage: 'prod',
      connectedAt: now - 5000,
      requestTimeEpoch: now,
      identity: { sourceIp: SOURCE_IP, userAgent: USER_AGENT },
      requestId: opaqueId(),
      domainName: `${apiId}.execute-api.${region}.amazonaws.com`,
      connectionId: opaqueId(),
      apiId,
    },
    body: text,
    isBase64Encoded: false,
  }
  const { body: _, region: __, accountId: ___, clock: ____, ...rest } = partial
  return deepMerge<APIGatewayProxyWebsocketEventV2>(
    base,
    rest as DeepPartial<APIGatewayProxyWebsocketEventV2>,
  )
}
