import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { openEnum } from './open-enum.ts'

// https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html

/**
 * A Secrets Manager rotation step (source id `secrets-manager-rotation`): `createSecret`, `setSecret`,
 * `testSecret` or `finishSecret` for the version `ClientRequestToken`.
 *
 * @example
 * const event: SecretsManagerRotationEvent = secretsManagerRotationSchema.parse(input)
 * await steps[event.Step](event.SecretId, event.ClientRequestToken)
 */
export const secretsManagerRotationSchema = sourceSchema('secrets-manager-rotation', () =>
  z.looseObject({
    Step: openEnum(['createSecret', 'setSecret', 'testSecret', 'finishSecret']),
    SecretId: z.string(),
    ClientRequestToken: z.string(),
    RotationToken: z.string().optional(),
  }),
)

/**
 * The type of {@link secretsManagerRotationSchema}; assignable to `SecretsManagerRotationEvent`.
 *
 * @example
 * const step = (event: SecretsManagerRotationEvent) => event.Step
 */
export type SecretsManagerRotationEvent = z.output<typeof secretsManagerRotationSchema>
