import { randomBytes } from 'node:crypto'
import type { IotButtonEvent } from '@sluice/events'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

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
