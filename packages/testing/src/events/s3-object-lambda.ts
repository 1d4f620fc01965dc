import { randomBytes } from 'node:crypto'
import type { S3ObjectLambdaEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['s3-object-lambda']`: a GetObject request through an Object Lambda access point.
 *
 * @example
 * events['s3-object-lambda']({ userRequest: { url: 'https://…/photo.jpg' } })
 */
export function s3ObjectLambdaFromPartial(partial: Overrides<S3ObjectLambdaEvent> = {}): S3ObjectLambdaEvent {
  const { region, accountId } = eventSource(partial)
  const host = `sluice-ap-${accountId}.s3-accesspoint.${region}.amazonaws.com`
  const olHost = `sluice-ol-ap-${accountId}.s3-object-lambda.${region}.amazonaws.com`
  const base: S3ObjectLambdaEvent = {
    xAmzRequestId: randomBytes(8).toString('hex').toUpperCase(),
    getObjectContext: {
      inputS3Url: `https://${host}/object-0.json?X-Amz-Security-Token=${randomBytes(24).toString('base64url')}`,
      outputRoute: `io-${region.replaceAll('-', '').slice(0, 6)}-001`,
      outputToken: randomBytes(32).toString('base64url'),
    },
    configuration: {
      accessPointArn: `arn:aws:s3-object-lambda:${region}:${accountId}:accesspoint/sluice-ol-ap`,
      supportingAccessPointArn: `arn:aws:s3:${region}:${accountId}:accesspoint/sluice-ap`,
      payload: '',
    },
    userRequest: {
      url: `https://${olHost}/object-0.json`,
      headers: { Host: olHost, 'Accept-Encoding': 'identity' },
    },
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDACKCEVSQ6C2EXAMPLE',
      arn: `arn:aws:iam::${accountId}:user/sluice`,
      accountId,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    },
    protocolVersion: '1.00',
  }
  return deepMerge<S3ObjectLambdaEvent>(base, eventPatch(partial))
}
