import type { SourceId } from '../src/sources.ts'

// Where each file of the two AWS sample corpora (test/fixtures/corpora/) belongs: `corpora.test.ts` checks that every
// file is in exactly one of the four maps below and that each behaves as its map says. Keys are `<corpus>/<file>`.
// The maps stay flat object literals, one entry per line, so moving a file from one to another is a line edit.

/**
 * Every sample that is an event of a live source → the id it must be detected as and parse with.
 *
 * @example
 * expectedSource['aws-lambda-go/sqs-event.json'] // 'sqs'
 */
export const expectedSource: Record<string, SourceId> = {
  'aws-lambda-go/activemq-event.json': 'mq',
  'aws-lambda-go/alb-lambda-target-request-headers-only.json': 'alb',
  'aws-lambda-go/alb-lambda-target-request-multivalue-headers.json': 'alb',
  'aws-lambda-go/apigw-custom-auth-request-type-request.json': 'apigw-authorizer-request',
  'aws-lambda-go/apigw-custom-auth-request.json': 'apigw-authorizer-token',
  'aws-lambda-go/apigw-request.json': 'apigw-rest',
  'aws-lambda-go/apigw-restapi-openapi-request.json': 'apigw-rest',
  'aws-lambda-go/apigw-v2-custom-authorizer-v1-request.json': 'apigw-authorizer-request',
  'aws-lambda-go/apigw-v2-custom-authorizer-v2-request.json': 'apigw-authorizer-request',
  'aws-lambda-go/apigw-v2-request-iam.json': 'apigw-http',
  'aws-lambda-go/apigw-v2-request-jwt-authorizer.json': 'apigw-http',
  'aws-lambda-go/apigw-v2-request-lambda-authorizer.json': 'apigw-http',
  'aws-lambda-go/apigw-v2-request-no-authorizer.json': 'apigw-http',
  'aws-lambda-go/apigw-websocket-request-disconnect.json': 'apigw-websocket',
  'aws-lambda-go/apigw-websocket-request-send-message.json': 'apigw-websocket',
  // a $connect event with REST-style fields too: detected as WebSocket by the rule in the README
  'aws-lambda-go/apigw-websocket-request.json': 'apigw-websocket',
  'aws-lambda-go/appsync-lambda-auth-request.json': 'appsync-authorizer',
  'aws-lambda-go/autoscaling-event-launch-successful.json': 'eventbridge',
  'aws-lambda-go/autoscaling-event-launch-unsuccessful.json': 'eventbridge',
  'aws-lambda-go/autoscaling-event-lifecycle-action.json': 'eventbridge',
  'aws-lambda-go/autoscaling-event-terminate-action.json': 'eventbridge',
  'aws-lambda-go/autoscaling-event-terminate-successful.json': 'eventbridge',
  'aws-lambda-go/autoscaling-event-terminate-unsuccessful.json': 'eventbridge',
  'aws-lambda-go/clientvpn-connectionhandler-request.json': 'client-vpn-connection-handler',
  'aws-lambda-go/cloudformation-event.json': 'cloudformation',
  // CloudWatch alarms delivered through SNS: SNS events whose Message is the alarm JSON
  'aws-lambda-go/cloudwatch-alarm-sns-payload-multiple-metrics.json': 'sns',
  'aws-lambda-go/cloudwatch-alarm-sns-payload-single-metric.json': 'sns',
  'aws-lambda-go/cloudwatch-logs-event.json': 'cloudwatch-logs',
  'aws-lambda-go/code-commit-event.json': 'codecommit',
  'aws-lambda-go/codebuild-phase-change.json': 'eventbridge',
  'aws-lambda-go/codebuild-state-change.json': 'eventbridge',
  'aws-lambda-go/codedeploy-deployment-event.json': 'eventbridge',
  'aws-lambda-go/codedeploy-instance-event.json': 'eventbridge',
  'aws-lambda-go/codepipeline-action-execution-stage-change-event.json': 'eventbridge',
  'aws-lambda-go/codepipeline-execution-stage-change-event.json': 'eventbridge',
  'aws-lambda-go/codepipeline-execution-state-change-event.json': 'eventbridge',
  'aws-lambda-go/codepipeline-job-event.json': 'codepipeline',
  'aws-lambda-go/cognito-event-userpools-create-auth-challenge.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-custommessage.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-define-auth-challenge.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-inbound-federation-oidc.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-inbound-federation-saml.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-migrateuser.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-postauthentication.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-postconfirmation.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-preauthentication.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-presignup.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-pretokengen-v2.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-pretokengen-v2_0.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-pretokengen.json': 'cognito',
  'aws-lambda-go/cognito-event-userpools-verify-auth-challenge.json': 'cognito',
  'aws-lambda-go/config-event.json': 'config',
  'aws-lambda-go/connect-event.json': 'connect-contact-flow',
  'aws-lambda-go/dynamodb-event.json': 'dynamodb-stream',
  'aws-lambda-go/dynamodb-time-window-event.json': 'dynamodb-stream',
  'aws-lambda-go/ecr-image-push-event.json': 'eventbridge',
  'aws-lambda-go/ecr-image-scan-event.json': 'eventbridge',
  'aws-lambda-go/ecs-container-instance-state-change.json': 'eventbridge',
  'aws-lambda-go/function-url-domain-only-get-request-trailing-slash.json': 'function-url',
  'aws-lambda-go/function-url-domain-only-get-request.json': 'function-url',
  'aws-lambda-go/function-url-domain-only-request-with-base64-encoded-body.json': 'function-url',
  'aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json': 'function-url',
  'aws-lambda-go/iot-button-event.json': 'iot-button',
  'aws-lambda-go/iot-custom-auth-request.json': 'iot-custom-authorizer',
  'aws-lambda-go/iot-preprovision-hook-request.json': 'iot-pre-provisioning-hook',
  'aws-lambda-go/kafka-event.json': 'kafka',
  'aws-lambda-go/kinesis-event.json': 'kinesis-stream',
  'aws-lambda-go/kinesis-firehose-event.json': 'kinesis-firehose',
  'aws-lambda-go/kinesis-time-window-event.json': 'kinesis-stream',
  'aws-lambda-go/lambda-urls-request.json': 'function-url',
  'aws-lambda-go/lex-event.json': 'lex',
  'aws-lambda-go/rabbitmq-event.json': 'mq',
  'aws-lambda-go/s3-batch-job-event-request-1.0.json': 's3-batch',
  'aws-lambda-go/s3-batch-job-event-request-2.0.json': 's3-batch',
  'aws-lambda-go/s3-event-with-decoded.json': 's3',
  'aws-lambda-go/s3-event.json': 's3',
  'aws-lambda-go/s3-glacier-event.json': 's3',
  'aws-lambda-go/s3-intelligenttier-event.json': 's3',
  'aws-lambda-go/s3-lifecycle-event.json': 's3',
  'aws-lambda-go/s3-object-lambda-event-get-object-assumed-role.json': 's3-object-lambda',
  'aws-lambda-go/s3-object-lambda-event-get-object-iam.json': 's3-object-lambda',
  'aws-lambda-go/s3-object-lambda-event-head-object-iam.json': 's3-object-lambda',
  'aws-lambda-go/s3-object-lambda-event-list-objects-iam.json': 's3-object-lambda',
  'aws-lambda-go/s3-object-lambda-event-list-objects-v2-iam.json': 's3-object-lambda',
  'aws-lambda-go/s3-replication-event.json': 's3',
  'aws-lambda-go/s3-restore-event.json': 's3',
  'aws-lambda-go/secretsmanager-secret-rotation-event.json': 'secrets-manager-rotation',
  'aws-lambda-go/ses-lambda-event.json': 'ses',
  // SES receipt records whose action was S3 or SNS (the record as those actions deliver it)
  'aws-lambda-go/ses-s3-event.json': 'ses',
  'aws-lambda-go/ses-sns-event.json': 'ses',
  'aws-lambda-go/sns-event.json': 'sns',
  'aws-lambda-go/sqs-event.json': 'sqs',
  'aws-lambda-dotnet/alb-request-multi-value.json': 'alb',
  'aws-lambda-dotnet/alb-request-single-value.json': 'alb',
  'aws-lambda-dotnet/amazonmq-activemq.json': 'mq',
  'aws-lambda-dotnet/amazonmq-rabbitmq.json': 'mq',
  'aws-lambda-dotnet/appsync-event-cognito-authorizer.json': 'appsync',
  'aws-lambda-dotnet/appsync-event-iam-authorizer.json': 'appsync',
  'aws-lambda-dotnet/appsync-event-lambda-authorizer-request.json': 'appsync-authorizer',
  'aws-lambda-dotnet/appsync-event-lambda-authorizer.json': 'appsync',
  'aws-lambda-dotnet/appsync-event-oidc-authorizer.json': 'appsync',
  'aws-lambda-dotnet/appsync-event.json': 'appsync',
  'aws-lambda-dotnet/batch-job-state-change-event.json': 'eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-s3objectcreated.json': 's3-eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-s3objectdeleted.json': 's3-eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-s3objectrestore.json': 's3-eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-transcribejobstatechangecompleted.json': 'eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-transcribejobstatechangefailed.json': 'eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-translateparalleldatastatechange-create.json': 'eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-translateparalleldatastatechange-update.json': 'eventbridge',
  'aws-lambda-dotnet/cloudwatchevents-translatetexttranslationjobstatechange.json': 'eventbridge',
  'aws-lambda-dotnet/cognito-createauthchallenge-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-customemailsender-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-custommessage-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-defineauthchallenge-event-with-null-values.json': 'cognito',
  'aws-lambda-dotnet/cognito-defineauthchallenge-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-migrateuser-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-postauthentication-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-postconfirmation-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-pre-token-generation-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-preauthentication-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-presignup-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-pretokengeneration-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-pretokengenerationv2-event.json': 'cognito',
  'aws-lambda-dotnet/cognito-verifyauthchallenge-event-with-null-values.json': 'cognito',
  'aws-lambda-dotnet/cognito-verifyauthchallenge-event.json': 'cognito',
  'aws-lambda-dotnet/config-event.json': 'config',
  'aws-lambda-dotnet/connect-contactflow-event.json': 'connect-contact-flow',
  'aws-lambda-dotnet/custom-authorizer-v2-request.json': 'apigw-authorizer-request',
  'aws-lambda-dotnet/dynamodb-event.json': 'dynamodb-stream',
  'aws-lambda-dotnet/dynamodb-timewindow-event.json': 'dynamodb-stream',
  'aws-lambda-dotnet/dynamodb-with-ms-event.json': 'dynamodb-stream',
  'aws-lambda-dotnet/ecs-container-state-change-event.json': 'eventbridge',
  'aws-lambda-dotnet/ecs-task-state-change-event.json': 'eventbridge',
  'aws-lambda-dotnet/http-api-v2-request-iam-authorizer.json': 'apigw-http',
  'aws-lambda-dotnet/http-api-v2-request-lambda-authorizer.json': 'apigw-http',
  'aws-lambda-dotnet/http-api-v2-request.json': 'apigw-http',
  'aws-lambda-dotnet/kafka-event.json': 'kafka',
  'aws-lambda-dotnet/kinesis-event.json': 'kinesis-stream',
  'aws-lambda-dotnet/kinesis-firehose-event.json': 'kinesis-firehose',
  'aws-lambda-dotnet/kinesis-timewindow-event.json': 'kinesis-stream',
  'aws-lambda-dotnet/lex-event.json': 'lex',
  'aws-lambda-dotnet/lexv2-event.json': 'lex',
  'aws-lambda-dotnet/logs-event.json': 'cloudwatch-logs',
  // a REST proxy event without the multiValue* maps and with a stray connectionId: REST by the same rule
  'aws-lambda-dotnet/proxy-event.json': 'apigw-rest',
  'aws-lambda-dotnet/s3-event.json': 's3',
  'aws-lambda-dotnet/scheduled-event.json': 'scheduled',
  'aws-lambda-dotnet/simple-email-event-lambda.json': 'ses',
  'aws-lambda-dotnet/simple-email-event-s3.json': 'ses',
  'aws-lambda-dotnet/sns-event.json': 'sns',
  'aws-lambda-dotnet/sqs-event.json': 'sqs',
  'aws-lambda-dotnet/websocket-api-connect-request.json': 'apigw-websocket',
}

/**
 * A sample that is wrong on purpose: `notJson` (the file is not even JSON: why), or the source it is detected as
 * and the `path` its `ParseError` must name (with why the value cannot be real).
 *
 * @example
 * const entry: Malformed = { notJson: 'truncated upstream' }
 */
export type Malformed =
  | { readonly notJson: string }
  | { readonly id: SourceId; readonly path: readonly (string | number)[]; readonly why: string }

/**
 * Samples malformed on purpose upstream.
 *
 * @example
 * malformedOnPurpose['aws-lambda-go/dynamodb-event-malformed.2.json'] // { notJson: '…' }
 */
export const malformedOnPurpose: Record<string, Malformed> = {
  'aws-lambda-go/dynamodb-event-malformed.2.json': { notJson: 'truncated upstream on purpose' },
}

const FRAGMENT = 'not an event: the `identity` fragment of an AppSync resolver event'
const COGNITO_SYNC = 'Cognito Sync trigger: the service is retired (not the user pool triggers)'
const KDA_SQL = 'Kinesis Data Analytics for SQL: shut down January 2026'
const ONE_CLICK = 'AWS IoT 1-Click: the service reached its end of support in December 2024'

/**
 * Samples sluice does not model, and why: payloads of retired services and files that are not events.
 *
 * @example
 * outOfScope['aws-lambda-go/cognito-event.json'] // 'Cognito Sync …'
 */
export const outOfScope: Record<string, string> = {
  'aws-lambda-go/appsync-identity-cognito.json': FRAGMENT,
  'aws-lambda-go/appsync-identity-iam.json': FRAGMENT,
  'aws-lambda-go/cognito-event.json': COGNITO_SYNC,
  'aws-lambda-go/iot-1-click-event.json': ONE_CLICK,
  'aws-lambda-go/kinesis-analytics-output-delivery-event.json': KDA_SQL,
  'aws-lambda-dotnet/cognito-event.json': COGNITO_SYNC,
  'aws-lambda-dotnet/kinesis-analytics-firehoseinputpreprocessing-event.json': KDA_SQL,
  'aws-lambda-dotnet/kinesis-analytics-inputpreprocessing-event.json': KDA_SQL,
  'aws-lambda-dotnet/kinesis-analytics-outputdelivery-event.json': KDA_SQL,
  'aws-lambda-dotnet/kinesis-analytics-streamsinputpreprocessing-event.json': KDA_SQL,
}

/**
 * TEMPORARY, empty when issue 12 (events) is done: samples of live sources that do not parse or are not detected
 * yet, and why. The test checks that each still fails, so a file that starts to pass must move to
 * {@link expectedSource} (or to {@link malformedOnPurpose}).
 *
 * @example
 * notYetSupported['aws-lambda-go/connect-event.json'] // 'Amazon Connect contact flow: no source yet'
 */
export const notYetSupported: Record<string, string> = {}
