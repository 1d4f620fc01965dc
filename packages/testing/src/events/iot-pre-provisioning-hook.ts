import { randomBytes, randomUUID } from 'node:crypto'
import type { IotPreProvisioningHookEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['iot-pre-provisioning-hook']`: a device registering through a fleet provisioning template with a serial
 * number parameter.
 *
 * @example
 * events['iot-pre-provisioning-hook']({ parameters: { SerialNumber: 'SN-2' } })
 */
export function iotPreProvisioningHookFromPartial(
  partial: Overrides<IotPreProvisioningHookEvent> = {},
): IotPreProvisioningHookEvent {
  const { region, accountId } = eventSource(partial)
  const certificateId = () => randomBytes(32).toString('hex')
  const base: IotPreProvisioningHookEvent = {
    claimCertificateId: certificateId(),
    certificateId: certificateId(),
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    templateArn: `arn:aws:iot:${region}:${accountId}:provisioningtemplate/DeviceTemplate`,
    clientId: randomUUID(),
    parameters: { SerialNumber: 'SN-1', DeviceLocation: 'lab' },
  }
  return deepMerge<IotPreProvisioningHookEvent>(base, eventPatch(partial))
}
