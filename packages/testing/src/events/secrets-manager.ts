import { randomBytes, randomUUID } from 'node:crypto'
import type { SecretsManagerRotationEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['secrets-manager-rotation']`: the `createSecret` step of a rotation.
 *
 * @example
 * events['secrets-manager-rotation']({ Step: 'setSecret' })
 */
export function secretsManagerRotationFromPartial(
  partial: Overrides<SecretsManagerRotationEvent> = {},
): SecretsManagerRotationEvent {
  const { region, accountId } = eventSource(partial)
  const base: SecretsManagerRotationEvent = {
    Step: 'createSecret',
    SecretId: `arn:aws:secretsmanager:${region}:${accountId}:secret:sluice/db-${randomBytes(3).toString('hex')}`,
    ClientRequestToken: randomUUID(),
  }
  return deepMerge<SecretsManagerRotationEvent>(base, eventPatch(partial))
}
