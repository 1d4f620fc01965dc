/**
 * How a sluice field differs from `@types/aws-lambda`'s (see {@link awsLambdaDivergences}).
 *
 * @example
 * const kind: DivergenceKind = 'absent-or-null'
 */
export type DivergenceKind = 'null' | 'absent' | 'absent-or-null' | 'wider'

// Reasons shared by several fields
const RESPONSE = 'response fields arrive null: the handler fills them in'
const IDENTITY = 'API Gateway sends every key, most null; older samples omit some: only sourceIp is required'
const AUTHORIZER_SAMPLES = 'absent from AWS’s request authorizer samples (REST and HTTP 1.0)'
const SLOT = 'only `shape` is checked: the value differs by shape (Scalar, List…)'
const EARLY_URL = 'absent from the early function URL samples'
const OLDEST = 'sent in real requests; absent from AWS’s oldest samples'
const NO_KEY = 'absent for records produced without a key'
const IAM_CALLER = 'null for IAM callers outside a Cognito identity pool'
const HTTP_V1 = 'absent from HTTP API authorizers with payload format 1.0'
const NO_VALIDATION_DATA = 'null when the client sent no validation data'
const CHALLENGE = 'any challenge name: newer ones (EMAIL_OTP, SMS_OTP…) are missing'

/**
 * Where a parsed sluice event is not assignable to its `@types/aws-lambda` type, field by field, and why: the
 * one list that `aws-lambda.test-d.ts` checks (every other field must match) and the README's table repeats
 * (`aws-lambda-divergences.test.ts` keeps them in step), by source id and `@types/aws-lambda` type name. Test
 * furniture: not exported from the package.
 *
 * A path walks object keys with `.`; arrays are stepped through; `*` is every key of a map or object. The kind says how
 * sluice's field differs from `@types/aws-lambda`'s:
 * - `null`: AWS sends `null` where the type says a value;
 * - `absent`: AWS omits the field where the type requires it;
 * - `absent-or-null`: both;
 * - `wider`: sluice accepts other values as well (the reason says which).
 *
 * @example
 * awsLambdaDivergences.sqs.SQSEvent['Records.md5OfMessageAttributes'] // ['absent-or-null', 'null when …']
 */
export const awsLambdaDivergences = {
  sqs: {
    SQSEvent: {
      'Records.md5OfMessageAttributes': [
        'absent-or-null',
        'null when the event source mapping has a batching window and the message has no attributes',
      ],
      'Records.messageAttributes.*.stringValue': [
        'null',
        'null on a Binary attribute (some SDKs send both keys)',
      ],
      'Records.messageAttributes.*.binaryValue': [
        'null',
        'null on a String attribute (some SDKs send both keys)',
      ],
    },
  },
  sns: {
    SNSEvent: { 'Records.Sns.Subject': ['null', 'null, not absent, when the publisher set no subject'] },
  },
  s3: {
    S3Event: {
      'Records.s3.object.size': ['absent', 'ObjectRemoved notifications carry no size'],
      'Records.s3.object.eTag': ['absent', 'ObjectRemoved notifications carry no eTag'],
      'Records.s3.object.sequencer': ['absent', 'kept permissive: not confirmed for every notification type'],
    },
  },
  's3-eventbridge': {
    S3ObjectCreatedNotificationEvent: {
      'detail-type': [
        'wider',
        'every S3 event kind: Object Created, Object Deleted, Object Restore Completed…',
      ],
      'detail.version': ['wider', 'a string: @types/aws-lambda pins "0", the only version so far'],
      'detail.object.size': ['absent', 'Object Deleted, ACL, tag and Restore Expired events carry no size'],
      'detail.object.etag': [
        'absent',
        'kept permissive: not confirmed for every event kind (delete markers)',
      ],
      'detail.object.version-id': [
        'absent',
        'kept permissive: not confirmed for objects in unversioned buckets',
      ],
      'detail.object.sequencer': ['absent', 'only Object Created and Object Deleted events carry it'],
      'detail.source-ip-address': [
        'absent',
        'absent from events S3 starts itself: lifecycle, restore, tiering',
      ],
      'detail.reason': [
        'wider',
        'only Object Created and Object Deleted carry one, each with its own values',
      ],
    },
  },
  's3-batch': { S3BatchEvent: {} },
  eventbridge: { EventBridgeEvent: {} },
  scheduled: { ScheduledEvent: {} },
  'apigw-rest': {
    APIGatewayProxyEvent: {
      headers: ['null', 'null when invoked from the console’s Test tab without headers'],
      multiValueHeaders: ['null', 'null when invoked from the console’s Test tab without headers'],
      isBase64Encoded: ['absent', 'always sent today; absent from older samples, and read as false then'],
      'requestContext.authorizer': ['absent-or-null', 'null or absent without an authorizer'],
      'requestContext.identity.*': ['absent-or-null', IDENTITY],
    },
  },
  'apigw-http': { APIGatewayProxyEventV2: {} },
  'apigw-websocket': {
    APIGatewayProxyWebsocketEventV2: {
      'requestContext.messageId': ['absent', 'MESSAGE events only: CONNECT and DISCONNECT have none'],
    },
  },
  'apigw-authorizer-token': { APIGatewayTokenAuthorizerEvent: {} },
  'apigw-authorizer-request': {
    APIGatewayRequestAuthorizerEvent: {
      multiValueHeaders: ['absent-or-null', HTTP_V1],
      multiValueQueryStringParameters: ['absent-or-null', HTTP_V1],
      'requestContext.authorizer': ['absent', AUTHORIZER_SAMPLES],
      'requestContext.protocol': ['absent', AUTHORIZER_SAMPLES],
      'requestContext.requestTimeEpoch': ['absent', AUTHORIZER_SAMPLES],
      'requestContext.identity.*': ['absent-or-null', IDENTITY],
    },
    APIGatewayRequestAuthorizerEventV2: {
      identitySource: ['null', 'null when the authorizer has no identity sources configured'],
      cookies: ['absent', 'absent when the request has no cookies'],
    },
  },
  alb: { ALBEvent: {} },
  'function-url': {
    LambdaFunctionURLEvent: {
      routeKey: ['absent', EARLY_URL],
      'requestContext.routeKey': ['absent', EARLY_URL],
      'requestContext.stage': ['absent', EARLY_URL],
    },
  },
  cloudfront: {
    CloudFrontRequestEvent: {},
    CloudFrontResponseEvent: {
      'Records.cf.response': [
        'absent',
        'one type for both: request events (viewer and origin) have no response',
      ],
    },
  },
  'dynamodb-stream': { DynamoDBStreamEvent: {} },
  'kinesis-stream': { KinesisStreamEvent: {} },
  'kinesis-firehose': {
    FirehoseTransformationEvent: {
      'records.kinesisRecordMetadata.subsequenceNumber': [
        'wider',
        'string or number: a number in AWS’s samples',
      ],
    },
  },
  'cloudwatch-logs': { CloudWatchLogsEvent: {}, CloudWatchLogsDecodedData: {} },
  ses: { SESEvent: {} },
  cognito: {
    PreSignUpTriggerEvent: {
      'request.validationData': ['null', NO_VALIDATION_DATA],
    },
    PostConfirmationTriggerEvent: {},
    PreAuthenticationTriggerEvent: {
      'request.validationData': ['null', NO_VALIDATION_DATA],
    },
    PostAuthenticationTriggerEvent: {},
    DefineAuthChallengeTriggerEvent: {
      'response.*': ['absent-or-null', RESPONSE],
      'request.session.challengeName': ['wider', CHALLENGE],
    },
    CreateAuthChallengeTriggerEvent: {
      'response.*': ['absent-or-null', RESPONSE],
      'request.session.challengeName': ['wider', CHALLENGE],
    },
    VerifyAuthChallengeResponseTriggerEvent: {
      'response.*': ['absent-or-null', RESPONSE],
    },
    PreTokenGenerationTriggerEvent: {
      'response.*': ['absent-or-null', RESPONSE],
      'request.groupConfiguration.preferredRole': [
        'null',
        'null when the user’s groups set no preferred role',
      ],
    },
    UserMigrationTriggerEvent: {
      'response.messageAction': ['wider', 'any action string: the handler sets it (null until then)'],
      'response.desiredDeliveryMediums': [
        'wider',
        'any medium strings: the handler sets them (null until then)',
      ],
      'response.finalUserStatus': ['wider', 'any status string: the handler sets it (null until then)'],
      'response.*': ['absent-or-null', RESPONSE],
      'request.password': ['absent', 'UserMigration_ForgotPassword events carry no password'],
      'request.validationData': ['null', NO_VALIDATION_DATA],
    },
    CustomMessageTriggerEvent: {
      'response.*': ['absent-or-null', RESPONSE],
      'request.linkParameter': ['absent-or-null', 'kept permissive: not in every custom message event'],
      'request.usernameParameter': ['absent-or-null', 'absent or null outside AdminCreateUser'],
    },
    CustomEmailSenderTriggerEvent: {
      'request.userAttributes': [
        'wider',
        'a map of the user’s attributes: @types/aws-lambda names fixed keys for account takeover notifications',
      ],
    },
    CustomSMSSenderTriggerEvent: {},
    InboundFederationTriggerEvent: {
      'response.*': ['absent-or-null', RESPONSE],
      'request.providerType': ['wider', 'any provider type string: new identity provider types keep coming'],
    },
  },
  cloudformation: {
    CloudFormationCustomResourceEvent: {
      ServiceToken: ['absent', OLDEST],
      'ResourceProperties.ServiceToken': ['absent', OLDEST],
      'OldResourceProperties.ServiceToken': ['absent', OLDEST],
    },
  },
  codecommit: { CodeCommitTriggerEvent: {} },
  codepipeline: {
    CodePipelineEvent: {
      'CodePipeline.job.data.actionConfiguration.configuration.UserParameters': [
        'absent',
        'absent when the action sets no user parameters',
      ],
    },
  },
  kafka: {
    MSKEvent: { 'records.*.key': ['absent', NO_KEY] },
    SelfManagedKafkaEvent: { 'records.*.key': ['absent', NO_KEY] },
  },
  appsync: {
    AppSyncResolverEvent: {
      'prev.result': ['wider', 'any value a pipeline function returned, not only an object'],
      'identity.cognitoIdentityPoolId': ['null', IAM_CALLER],
      'identity.cognitoIdentityId': ['null', IAM_CALLER],
      'identity.cognitoIdentityAuthType': ['null', IAM_CALLER],
      'identity.cognitoIdentityAuthProvider': ['null', IAM_CALLER],
    },
  },
  'appsync-authorizer': {
    AppSyncAuthorizerEvent: {
      requestHeaders: ['absent', 'sent by AppSync today; absent from AWS’s first sample'],
    },
  },
  lex: {
    LexEvent: {
      'currentIntent.slotDetails.*.resolutions': [
        'wider',
        'any number of resolutions, none when nothing resolved (@types/aws-lambda says 1 to 5)',
      ],
      'currentIntent.slotDetails.*.originalValue': ['null', 'null while the slot is not filled'],
    },
    LexV2Event: {
      proposedNextState: ['absent', 'absent on fulfillment code hooks'],
      transcriptions: [
        'wider',
        'absent from text conversations’ events; each entry is checked for `transcription` only',
      ],
      'sessionState.dialogAction': ['wider', 'only `type` is checked: the other fields depend on it'],
      'proposedNextState.dialogAction': ['wider', 'only `type` is checked: the other fields depend on it'],
      'interpretations.intent.slots.*': ['wider', SLOT],
      'sessionState.intent.slots.*': ['wider', SLOT],
      'proposedNextState.intent.slots.*': ['wider', SLOT],
    },
  },
  'secrets-manager-rotation': { SecretsManagerRotationEvent: {} },
} as const satisfies {
  readonly [source: string]: { readonly [awsType: string]: Divergences }
}

/**
 * A source id of {@link awsLambdaDivergences}.
 *
 * @example
 * const id: DivergentSource = 'sqs'
 */
export type DivergentSource = keyof typeof awsLambdaDivergences

/**
 * The divergences of one `@types/aws-lambda` type: dotted path → kind and reason.
 *
 * @example
 * const fields: Divergences = { 'Records.Sns.Subject': ['null', 'null when the publisher set no subject'] }
 */
export type Divergences = { readonly [path: string]: readonly [DivergenceKind, string] }
