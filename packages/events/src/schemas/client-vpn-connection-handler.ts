import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { validClientVpnConnectionHandler } from './precompiled.ts'

/**
 * An AWS Client VPN client connect handler request (source id `client-vpn-connection-handler`): the device, user
 * and connection attributes Client VPN sends after authenticating a client, before it applies authorization rules.
 * Only the connection and endpoint ids are always there; the client fills the rest when it knows them (AWS's own
 * sample sends `""` for most), and newer clients add fields (`schema-version` `v2`, `v3`, …), which pass through.
 * Contract: https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/connection-authorization.html
 *
 * @example
 * const event: ClientVpnConnectionHandlerEvent = clientVpnConnectionHandlerSchema.parse(input)
 * return { allow: allowed.has(event.username ?? ''), 'schema-version': 'v1' }
 */
export const clientVpnConnectionHandlerSchema = sourceSchema(
  'client-vpn-connection-handler',
  validClientVpnConnectionHandler,
  () =>
    z.looseObject({
      'connection-id': z.string(),
      'endpoint-id': z.string(),
      'schema-version': z.string(),
      'common-name': z.string().optional(),
      username: z.string().optional(),
      platform: z.string().optional(),
      'platform-version': z.string().optional(),
      'public-ip': z.string().optional(),
      'client-openvpn-version': z.string().optional(),
    }),
)

/**
 * The type of {@link clientVpnConnectionHandlerSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const endpoint = (event: ClientVpnConnectionHandlerEvent) => event['endpoint-id']
 */
export type ClientVpnConnectionHandlerEvent = z.output<typeof clientVpnConnectionHandlerSchema>
