import { randomBytes, randomUUID } from 'node:crypto'
import type { CloudFormationCustomResourceEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.cloudformation`: a custom resource Create request (override `RequestType` and add `PhysicalResourceId`).
 *
 * @example
 * events.cloudformation({ RequestType: 'Delete', PhysicalResourceId: 'r-1' })
 */
export function cloudformationFromPartial(
  partial: Overrides<CloudFormationCustomResourceEvent> = {},
): CloudFormationCustomResourceEvent {
  const { region, accountId } = eventSource(partial)
  const serviceToken = `arn:aws:lambda:${region}:${accountId}:function:sluice-custom-resource`
  const base: CloudFormationCustomResourceEvent = {
    RequestType: 'Create',
    ServiceToken: serviceToken,
    ResponseURL: `https://cloudformation-custom-resource-response-${region.replaceAll('-', '')}.s3.amazonaws.com/${randomBytes(24).toString('hex')}`,
    StackId: `arn:aws:cloudformation:${region}:${accountId}:stack/sluice-stack/${randomUUID()}`,
    RequestId: randomUUID(),
    LogicalResourceId: 'SluiceResource',
    ResourceType: 'Custom::Sluice',
    ResourceProperties: { ServiceToken: serviceToken, Name: 'sluice' },
  }
  return deepMerge<CloudFormationCustomResourceEvent>(base, eventPatch(partial))
}
