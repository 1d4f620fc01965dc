import { randomBytes } from 'node:crypto'
import type { ConfigEvent } from '@sluice/events'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.config`: a configuration-change evaluation for an EC2 instance.
 *
 * @example
 * events.config({ configRuleName: 'encrypted-volumes' })
 */
export function configFromPartial(partial: Overrides<ConfigEvent> = {}): ConfigEvent {
  const { region, accountId, now } = eventSource(partial)
  const ruleId = `config-rule-${randomBytes(3).toString('hex')}`
  const invokingEvent = {
    configurationItem: {
      resourceType: 'AWS::EC2::Instance',
      resourceId: `i-${randomBytes(8).toString('hex').slice(0, 17)}`,
      configurationItemStatus: 'OK',
      configurationItemCaptureTime: new Date(now).toISOString(),
      awsAccountId: accountId,
      awsRegion: region,
    },
    notificationCreationTime: new Date(now).toISOString(),
    messageType: 'ConfigurationItemChangeNotification',
    recordVersion: '1.3',
  }
  const base: ConfigEvent = {
    version: '1.0',
    invokingEvent: JSON.stringify(invokingEvent),
    ruleParameters: '{}',
    resultToken: randomBytes(32).toString('base64'),
    eventLeftScope: false,
    executionRoleArn: `arn:aws:iam::${accountId}:role/sluice-config-role`,
    configRuleArn: `arn:aws:config:${region}:${accountId}:config-rule/${ruleId}`,
    configRuleName: 'sluice-rule',
    configRuleId: ruleId,
    accountId,
    evaluationMode: 'DETECTIVE',
  }
  return deepMerge<ConfigEvent>(base, eventPatch(partial))
}
