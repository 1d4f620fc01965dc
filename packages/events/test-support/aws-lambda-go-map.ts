import type { SourceId } from '../src/sources.ts'

/**
 * Each sample of a supported source → the id it must parse as and be detected as.
 *
 * @example
 * expectedSource['sqs-event.json'] // 'sqs'
 */
export const expectedSource: Record<string, SourceId> = {
  'activemq-event.json': 'mq',
  'rabbitmq-event.json': 'mq',
  'alb-lambda-target-request-headers-only.json': 'alb',
  'alb-lambda-target-request-multivalue-headers.json': 'alb',
  'apigw-custom-auth-request.json': 'apigw-authorizer-token',
  'apigw-custom-auth-request-type-request.json': 'apigw-authorizer-request',
  'apigw-v2-custom-authorizer-v1-request.json': 'apigw-authorizer-request',
  'apigw-v2-custom-authorizer-v2-request.json': 'apigw-authorizer-request',
  'apigw-request.json': 'apigw-rest',
  'apigw-restapi-openapi-request.json': 'apigw-rest',
  'apigw-v2-request-iam.json': 'apigw-http',
  'apigw-v2-request-jwt-authorizer.json': 'apigw-http',
  'apigw-v2-request-lambda-authorizer.json': 'apigw-http',
  'apigw-v2-request-no-authorizer.json': 'apigw-http',
  // a $connect event: REST-style fields plus the WebSocket requestContext
  'apigw-websocket-request.json': 'apigw-websocket',
  'apigw-websocket-request-disconnect.json': 'apigw-websocket',
  'apigw-websocket-request-send-message.json': 'apigw-websocket',
  'appsync-lambda-auth-request.json': 'appsync-authorizer',
  'autoscaling-event-launch-successful.json': 'eventbridge',
  'autoscaling-event-launch-unsuccessful.json': 'eventbridge',
  'autoscaling-event-lifecycle-action.json': 'eventbridge',
  'autoscaling-event-terminate-action.json': 'eventbridge',
  'autoscaling-event-terminate-successful.json': 'eventbridge',
  'autoscaling-event-terminate-unsuccessful.json': 'eventbridge',
  'codebuild-phase-change.json': 'eventbridge',
  'codebuild-state-change.json': 'eventbridge',
  'codedeploy-deployment-event.json': 'eventbridge',
  'codedeploy-instance-event.json': 'eventbridge',
  'codepipeline-action-execution-stage-change-event.json': 'eventbridge',
  'codepipeline-execution-stage-change-event.json': 'eventbridge',
  'codepipeline-execution-state-change-event.json': 'eventbridge',
  'ecr-image-push-event.json': 'eventbridge',
  'ecr-image-scan-event.json': 'eventbridge',
  'ecs-container-instance-state-change.json': 'eventbridge',
  'cloudformation-event.json': 'cloudformation',
  // CloudWatch alarms delivered through SNS: SNS events whose Message is the alarm JSON
  'cloudwatch-alarm-sns-payload-multiple-metrics.json': 'sns',
  'cloudwatch-alarm-sns-payload-single-metric.json': 'sns',
  'cloudwatch-logs-event.json': 'cloudwatch-logs',
  'code-commit-event.json': 'codecommit',
  'codepipeline-job-event.json': 'codepipeline',
  'cognito-event-userpools-create-auth-challenge.json': 'cognito',
  'cognito-event-userpools-define-auth-challenge.json': 'cognito',
  'cognito-event-userpools-inbound-federation-oidc.json': 'cognito',
  'cognito-event-userpools-inbound-federation-saml.json': 'cognito',
  'cognito-event-userpools-migrateuser.json': 'cognito',
  'cognito-event-userpools-postauthentication.json': 'cognito',
  'cognito-event-userpools-postconfirmation.json': 'cognito',
  'cognito-event-userpools-preauthentication.json': 'cognito',
  'cognito-event-userpools-presignup.json': 'cognito',
  'cognito-event-userpools-pretokengen-v2.json': 'cognito',
  'cognito-event-userpools-pretokengen-v2_0.json': 'cognito',
  'cognito-event-userpools-verify-auth-challenge.json': 'cognito',
  'config-event.json': 'config',
  'dynamodb-event.json': 'dynamodb-stream',
  'dynamodb-time-window-event.json': 'dynamodb-stream',
  'function-url-domain-only-get-request-trailing-slash.json': 'function-url',
  'function-url-domain-only-get-request.json': 'function-url',
  'function-url-domain-only-request-with-base64-encoded-body.json': 'function-url',
  'function-url-request-with-headers-and-cookies-and-text-body.json': 'function-url',
  'lambda-urls-request.json': 'function-url',
  'iot-button-event.json': 'iot-button',
  'kafka-event.json': 'kafka',
  'kinesis-event.json': 'kinesis-stream',
  'kinesis-time-window-event.json': 'kinesis-stream',
  'kinesis-firehose-event.json': 'kinesis-firehose',
  's3-batch-job-event-request-1.0.json': 's3-batch',
  's3-batch-job-event-request-2.0.json': 's3-batch',
  's3-event.json': 's3',
  's3-event-with-decoded.json': 's3',
  's3-glacier-event.json': 's3',
  's3-intelligenttier-event.json': 's3',
  's3-lifecycle-event.json': 's3',
  's3-replication-event.json': 's3',
  's3-restore-event.json': 's3',
  's3-object-lambda-event-get-object-assumed-role.json': 's3-object-lambda',
  's3-object-lambda-event-get-object-iam.json': 's3-object-lambda',
  's3-object-lambda-event-head-object-iam.json': 's3-object-lambda',
  's3-object-lambda-event-list-objects-iam.json': 's3-object-lambda',
  's3-object-lambda-event-list-objects-v2-iam.json': 's3-object-lambda',
  'secretsmanager-secret-rotation-event.json': 'secrets-manager-rotation',
  'ses-lambda-event.json': 'ses',
  // SES receipt records whose action was S3 or SNS (the record as those actions deliver it)
  'ses-s3-event.json': 'ses',
  'ses-sns-event.json': 'ses',
  'sns-event.json': 'sns',
  'sqs-event.json': 'sqs',
}

/**
 * Samples of supported sources whose values are documentation text rather than anything AWS sends: they are
 * detected, and the schema rejects them at `path` (the first field that cannot be real).
 *
 * @example
 * placeholderSamples['lex-event.json'] // { id: 'lex', path: ['invocationSource'] }
 */
export const placeholderSamples: Record<string, { id: SourceId; path: string[] }> = {
  // triggerSource "CustomMessage_SignUp/CustomMessage_ResendCode/…" lists four values in one string
  'cognito-event-userpools-custommessage.json': { id: 'cognito', path: ['triggerSource'] },
  // triggerSource "PreTokenGen" is not a value Cognito sends (TokenGeneration_HostedAuth, …)
  'cognito-event-userpools-pretokengen.json': { id: 'cognito', path: ['triggerSource'] },
  // invocationSource "FulfillmentCodeHook or DialogCodeHook", outputDialogMode "Text or Voice, …"
  'lex-event.json': { id: 'lex', path: ['invocationSource'] },
}

/**
 * Samples of sources sluice does not model (yet), and why.
 *
 * @example
 * unsupportedSamples['connect-event.json'] // 'Amazon Connect contact flow invocation: not modelled'
 */
export const unsupportedSamples: Record<string, string> = {
  'appsync-identity-cognito.json': 'not an event: the `identity` fragment of an AppSync resolver event',
  'appsync-identity-iam.json': 'not an event: the `identity` fragment of an AppSync resolver event',
  'clientvpn-connectionhandler-request.json': 'AWS Client VPN connection handler: not modelled',
  'cognito-event.json': 'Cognito Sync trigger: a deprecated service, not the user pool triggers',
  'connect-event.json': 'Amazon Connect contact flow invocation: not modelled',
  'dynamodb-event-malformed.2.json': 'malformed on purpose upstream: truncated JSON',
  'iot-1-click-event.json': 'AWS IoT 1-Click: the service is discontinued',
  'iot-custom-auth-request.json': 'AWS IoT Core custom authorizer: not modelled',
  'iot-preprovision-hook-request.json': 'AWS IoT fleet provisioning pre-provisioning hook: not modelled',
  'kinesis-analytics-output-delivery-event.json': 'Kinesis Data Analytics output delivery: not modelled',
}
