import { randomBytes, randomUUID } from 'node:crypto'
import type {
  CloudFormationCustomResourceEvent,
  CodeCommitTrigger,
  CodeCommitTriggerEvent,
  CodePipelineEvent,
  SecretsManagerRotationEvent,
} from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'
import type { ConfigRuleEvent } from './local-types.ts'

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

/**
 * `events.config`: a configuration-change evaluation for an EC2 instance.
 *
 * @example
 * events.config({ configRuleName: 'encrypted-volumes' })
 */
export function configFromPartial(partial: Overrides<ConfigRuleEvent> = {}): ConfigRuleEvent {
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
  const base: ConfigRuleEvent = {
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
  return deepMerge<ConfigRuleEvent>(base, eventPatch(partial))
}

/**
 * `events.codecommit`: a push to `main` seen by a repository trigger.
 *
 * @example
 * events.codecommit().Records[0]?.codecommit.references[0]?.ref // 'refs/heads/main'
 */
export function codecommitFromPartial(
  partial: Overrides<CodeCommitTriggerEvent> = {},
): CodeCommitTriggerEvent {
  const { region, accountId, now } = eventSource(partial)
  const { Records: records, ...rest } = eventPatch(partial)
  const record: CodeCommitTrigger = {
    awsRegion: region,
    codecommit: { references: [{ commit: randomBytes(20).toString('hex'), ref: 'refs/heads/main' }] },
    eventId: randomUUID(),
    eventName: 'ReferenceChanges',
    eventPartNumber: 1,
    eventSource: 'aws:codecommit',
    eventSourceARN: `arn:aws:codecommit:${region}:${accountId}:sluice-repo`,
    eventTime: new Date(now).toISOString().replace('Z', '+0000'),
    eventTotalParts: 1,
    eventTriggerConfigId: randomUUID(),
    eventTriggerName: 'sluice-trigger',
    eventVersion: '1.0',
    userIdentityARN: `arn:aws:iam::${accountId}:user/sluice`,
  }
  const merged = deepMerge<CodeCommitTriggerEvent>({ Records: [record] }, rest)
  return records === undefined ? merged : { Records: records.map((patch) => deepMerge(record, patch)) }
}

/**
 * `events.codepipeline`: a Lambda invoke action job with one S3 input artifact.
 *
 * @example
 * events.codepipeline()['CodePipeline.job'].id
 */
export function codepipelineFromPartial(partial: Overrides<CodePipelineEvent> = {}): CodePipelineEvent {
  const { region, accountId } = eventSource(partial)
  const bucket = `codepipeline-${region}-${randomBytes(6).readUIntBE(0, 6)}`
  const base: CodePipelineEvent = {
    'CodePipeline.job': {
      id: randomUUID(),
      accountId,
      data: {
        actionConfiguration: {
          configuration: { FunctionName: 'sluice-function', UserParameters: '{"stage":"prod"}' },
        },
        inputArtifacts: [
          {
            name: 'SourceOutput',
            revision: randomBytes(20).toString('hex'),
            location: {
              type: 'S3',
              s3Location: { bucketName: bucket, objectKey: 'sluice/SourceOutp/abc123.zip' },
            },
          },
        ],
        outputArtifacts: [],
        artifactCredentials: {
          accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          secretAccessKey: randomBytes(30).toString('base64'),
          sessionToken: randomBytes(96).toString('base64'),
        },
      },
    },
  }
  return deepMerge<CodePipelineEvent>(base, eventPatch(partial))
}

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
