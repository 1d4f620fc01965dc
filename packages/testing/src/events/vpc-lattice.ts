import { randomBytes } from 'node:crypto'
import type { VpcLatticeEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events['vpc-lattice']`: a VPC Lattice request, event structure version 2.0, `GET /`.
 *
 * @example
 * events['vpc-lattice']({ method: 'POST', path: '/orders' })
 */
export function vpcLatticeFromPartial(partial: Overrides<VpcLatticeEvent> = {}): VpcLatticeEvent {
  const { region, accountId, now } = eventSource(partial)
  const id = (prefix: string) => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`
  const base: VpcLatticeEvent = {
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
  return deepMerge<VpcLatticeEvent>(base, eventPatch(partial))
}
