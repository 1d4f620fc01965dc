import { randomBytes, randomUUID } from 'node:crypto'
import type { IoTCustomAuthorizerEvent } from 'aws-lambda'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['iot-custom-authorizer']`: a device connecting with a signed token, with TLS, HTTP and MQTT data all
 * present (AWS sends only the blocks of the protocols in use).
 *
 * @example
 * events['iot-custom-authorizer']({ protocols: ['mqtt'], signatureVerified: false })
 */
export function iotCustomAuthorizerFromPartial(
  partial: Overrides<IoTCustomAuthorizerEvent> = {},
): IoTCustomAuthorizerEvent {
  const base: IoTCustomAuthorizerEvent = {
    token: randomBytes(24).toString('base64url'),
    signatureVerified: true,
    protocols: ['tls', 'http', 'mqtt'],
    protocolData: {
      tls: { serverName: 'example-ats.iot.us-east-1.amazonaws.com' },
      http: {
        headers: { 'x-amz-customauthorizer-name': 'device-auth' },
        queryString: '?device=thermostat-1',
      },
      mqtt: {
        username: 'thermostat-1',
        password: Buffer.from('secret').toString('base64'),
        clientId: 'thermostat-1',
      },
    },
    connectionMetadata: { id: randomUUID() },
  }
  return deepMerge<IoTCustomAuthorizerEvent>(base, eventPatch(partial))
}
