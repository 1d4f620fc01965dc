import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { validIotPreProvisioningHook } from './precompiled.ts'

/**
 * An AWS IoT fleet provisioning pre-provisioning hook (source id `iot-pre-provisioning-hook`): the claim and the new
 * certificate of a device registering through `RegisterThing`, with the template's `parameters`; the hook answers
 * `{ allowProvisioning }`.
 * Contract: https://docs.aws.amazon.com/iot/latest/developerguide/pre-provisioning-hook.html
 *
 * @example
 * const event: IotPreProvisioningHookEvent = iotPreProvisioningHookSchema.parse(input)
 * return { allowProvisioning: known.has(event.parameters.SerialNumber ?? '') }
 */
export const iotPreProvisioningHookSchema = sourceSchema(
  'iot-pre-provisioning-hook',
  validIotPreProvisioningHook,
  () =>
    z.looseObject({
      claimCertificateId: z.string(),
      certificateId: z.string(),
      certificatePem: z.string(),
      templateArn: z.string(),
      clientId: z.string(),
      // the parameters of the RegisterThing request: names and values as the device sent them
      parameters: z.record(z.string(), z.string()),
    }),
)

/**
 * The type of {@link iotPreProvisioningHookSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const template = (event: IotPreProvisioningHookEvent) => event.templateArn
 */
export type IotPreProvisioningHookEvent = z.output<typeof iotPreProvisioningHookSchema>
