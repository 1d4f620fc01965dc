import { randomBytes } from 'node:crypto'
import type { CloudFrontRequestEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'
import type { VpcLatticeV2Event } from './local-types.ts'

/**
 * `events['vpc-lattice']`: a VPC Lattice request, event structure version 2.0, `GET /`.
 *
 * @example
 * events['vpc-lattice']({ method: 'POST', path: '/orders' })
 */
export function vpcLatticeFromPartial(partial: Overrides<VpcLatticeV2Event> = {}): VpcLatticeV2Event {
  const { region, accountId, now } = eventSource(partial)
  const id = (prefix: string) => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`
  const base: VpcLatticeV2Event = {
    version: '2.0',
    path: '/',
    method: 'GET',
    headers: { 'user-agent': ['sluice-testing'], 'x-forwarded-for': ['10.0.1.10'] },
    isBase64Encoded: false,
    requestContext: {
      serviceNetworkArn: `arn:aws:vpc-lattice:${region}:${accountId}:servicenetwork/${id('sn')}`,
      serviceArn: `arn:aws:vpc-lattice:${region}:${accountId}:service/${id('svc')}`,
      targetGroupArn: `arn:aws:vpc-lattice:${region}:${accountId}:targetgroup/${id('tg')}`,
      region,
      timeEpoch: `${now}000`,
      identity: { sourceVpcArn: `arn:aws:ec2:${region}:${accountId}:vpc/${id('vpc')}`, type: 'AWS_IAM' },
    },
  }
  return deepMerge<VpcLatticeV2Event>(base, eventPatch(partial))
}

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
