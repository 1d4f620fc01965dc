import { randomBytes } from 'node:crypto'
import type { CloudFrontRequestEvent } from 'aws-lambda'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.cloudfront`: a Lambda@Edge viewer-request for `GET /index.html`.
 *
 * @example
 * events.cloudfront().Records[0]?.cf.request.uri // '/index.html'
 */
export function cloudfrontFromPartial(
  partial: Overrides<CloudFrontRequestEvent> = {},
): CloudFrontRequestEvent {
  const { Records: records, ...rest } = eventPatch(partial)
  const distributionId = `E${randomBytes(7).toString('hex').toUpperCase().slice(0, 13)}`
  const domain = `d${randomBytes(7).toString('hex').slice(0, 13)}.cloudfront.net`
  const base: CloudFrontRequestEvent = {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: domain,
            distributionId,
            eventType: 'viewer-request',
            requestId: `${randomBytes(42).toString('base64url').slice(0, 56)}==`,
          },
          request: {
            clientIp: '203.0.113.10',
            method: 'GET',
            uri: '/index.html',
            querystring: '',
            headers: {
              host: [{ key: 'Host', value: domain }],
              'user-agent': [{ key: 'User-Agent', value: 'sluice-testing' }],
            },
          },
        },
      },
    ],
  }
  const merged = deepMerge<CloudFrontRequestEvent>(base, rest)
  // Records: laid over the default record, one partial per element
  return records === undefined
    ? merged
    : { Records: records.map((record) => deepMerge(base.Records[0]!, record)) }
}
