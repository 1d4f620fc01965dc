import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { identitySchema, stringListRecord, stringRecord } from './http-common.ts'
import { validApigwWebsocket } from './precompiled.ts'

// AWS documentation: WebSocket API Lambda proxy integrations,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-requests.html
// and the $connect / $disconnect routes,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html

/**
 * An API Gateway WebSocket API event (source id `apigw-websocket`): `$connect` (with headers and query),
 * `$disconnect` (with the close code) or a message (with `body` and `messageId`).
 *
 * @example
 * const event: ApigwWebsocketEvent = apigwWebsocketSchema.parse(input)
 * if (event.requestContext.eventType === 'MESSAGE') reply(event.requestContext.connectionId, event.body)
 */
export const apigwWebsocketSchema = sourceSchema('apigw-websocket', validApigwWebsocket, () =>
  z.looseObject({
    requestContext: z.looseObject({
      routeKey: z.string(),
      eventType: z.enum(['CONNECT', 'MESSAGE', 'DISCONNECT']),
      messageId: z.string().optional(),
      extendedRequestId: z.string(),
      requestTime: z.string(),
      messageDirection: z.literal('IN'),
      stage: z.string(),
      connectedAt: z.number(),
      requestTimeEpoch: z.number(),
      identity: identitySchema,
      requestId: z.string(),
      domainName: z.string(),
      connectionId: z.string(),
      apiId: z.string(),
      authorizer: z.record(z.string(), z.unknown()).nullish(),
      disconnectStatusCode: z.number().optional(),
      disconnectReason: z.string().optional(),
    }),
    // $connect carries the upgrade request's headers and query; absent (headers: or null) on other events
    headers: stringRecord.nullish(),
    multiValueHeaders: stringListRecord.nullish(),
    queryStringParameters: stringRecord.optional(),
    multiValueQueryStringParameters: stringListRecord.optional(),
    stageVariables: stringRecord.optional(),
    // null on $connect and $disconnect, a string on messages
    body: z.string().nullish(),
    isBase64Encoded: z.boolean(),
  }),
)

/**
 * The type of {@link apigwWebsocketSchema}; matches `APIGatewayProxyWebsocketEventV2` except that
 * `messageId` is present on MESSAGE events only.
 *
 * @example
 * const connection = (event: ApigwWebsocketEvent) => event.requestContext.connectionId
 */
export type ApigwWebsocketEvent = z.output<typeof apigwWebsocketSchema>
