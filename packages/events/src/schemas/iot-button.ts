import { z } from 'zod'
import { lazy } from '../lazy.ts'

/**
 * An AWS IoT Button press (source id `iot-button`).
 *
 * @example
 * const event: IotButtonEvent = iotButtonSchema.parse(input)
 * if (event.clickType === 'LONG') reset()
 */
export const iotButtonSchema = lazy(() =>
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
