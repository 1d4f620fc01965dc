import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { validIotButton } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/iot/latest/developerguide/iot-lambda-rule.html (the button publishes { serialNumber, clickType, batteryVoltage })

/**
 * An AWS IoT Button press (source id `iot-button`).
 *
 * @example
 * const event: IotButtonEvent = iotButtonSchema.parse(input)
 * if (event.clickType === 'LONG') reset()
 */
export const iotButtonSchema = sourceSchema('iot-button', validIotButton, () =>
  z.looseObject({
    serialNumber: z.string(),
    clickType: z.enum(['SINGLE', 'DOUBLE', 'LONG']),
    batteryVoltage: z.string(),
  }),
)

/**
 * The type of {@link iotButtonSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const serial = (event: IotButtonEvent) => event.serialNumber
 */
export type IotButtonEvent = z.output<typeof iotButtonSchema>
