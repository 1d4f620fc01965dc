import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { openEnum } from './open-enum.ts'

/**
 * An AWS IoT Core custom authorizer request (source id `iot-custom-authorizer`): what a device presented on
 * connect or publish, by protocol. Fields that are not relevant to the request are left out, so every protocol's
 * block, the token and the MQTT credentials are optional.
 * Contract: https://docs.aws.amazon.com/iot/latest/developerguide/custom-auth-lambda.html
 *
 * @example
 * const event: IotCustomAuthorizerEvent = iotCustomAuthorizerSchema.parse(input)
 * const password = event.protocolData.mqtt?.password // base64
 */
export const iotCustomAuthorizerSchema = sourceSchema('iot-custom-authorizer', () =>
  z.looseObject({
    token: z.string().optional(),
    signatureVerified: z.boolean(),
    protocols: z.array(openEnum(['tls', 'http', 'mqtt'])),
    protocolData: z.looseObject({
      tls: z.looseObject({ serverName: z.string() }).optional(),
      http: z.looseObject({ headers: z.record(z.string(), z.string()), queryString: z.string() }).optional(),
      mqtt: z
        .looseObject({
          username: z.string().optional(),
          // base64
          password: z.string().optional(),
          // included only when the device sends one
          clientId: z.string().optional(),
        })
        .optional(),
    }),
    connectionMetadata: z.looseObject({ id: z.string() }),
  }),
)

/**
 * The type of {@link iotCustomAuthorizerSchema}; matches `IoTCustomAuthorizerEvent` but that `clientId` may be
 * absent and `protocols` takes protocols AWS adds.
 *
 * @example
 * const overMqtt = (event: IotCustomAuthorizerEvent) => event.protocols.includes('mqtt')
 */
export type IotCustomAuthorizerEvent = z.output<typeof iotCustomAuthorizerSchema>
