import { randomBytes } from 'node:crypto'
import type { ClientVpnConnectionHandlerEvent } from '@sluice/events'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['client-vpn-connection-handler']`: the AWS-provided client on macOS connecting to a Client VPN endpoint,
 * every optional attribute present.
 *
 * @example
 * events['client-vpn-connection-handler']({ username: 'grace' })
 */
export function clientVpnConnectionHandlerFromPartial(
  partial: Overrides<ClientVpnConnectionHandlerEvent> = {},
): ClientVpnConnectionHandlerEvent {
  const id = () => randomBytes(9).toString('hex').slice(0, 17)
  const base: ClientVpnConnectionHandlerEvent = {
    'connection-id': `cvpn-connection-${id()}`,
    'endpoint-id': `cvpn-endpoint-${id()}`,
    'schema-version': 'v1',
    'common-name': 'ada.example.com',
    username: 'ada',
    platform: 'mac',
    'platform-version': '14.5',
    'public-ip': '203.0.113.10',
    'client-openvpn-version': '2.6.8',
  }
  return deepMerge<ClientVpnConnectionHandlerEvent>(base, eventPatch(partial))
}
