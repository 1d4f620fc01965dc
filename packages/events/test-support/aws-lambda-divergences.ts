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
const NO_KEY = 'absent or null for records produced without a key'
const IAM_CALLER = 'null for IAM callers outside a Cognito identity pool'
const HTTP_V1 = 'absent from HTTP API authorizers with payload format 1.0'
const NO_VALIDATION_DATA = 'null when the client sent no validation data'
const OLD_EDGE = 'absent from events of the first Lambda@Edge releases'
const NO_ANSWER = 'absent from some events of triggers that take no answer'
const LEX_PROSE =
  'any string: AWS’s documented V1 example sends prose (“FulfillmentCodeHook or DialogCodeHook”)'
const NOT_PICKED = 'absent from the intents Lex considered but did not pick'
const CHALLENGE = 'any challenge name: newer ones (EMAIL_OTP, SMS_OTP…) are missing'

const KAFKA_RECORD = {
  'records.*.key': ['absent-or-null', NO_KEY],
  'records.*.value': ['null', 'null for a tombstone: a delete marker on a compacted topic'],
  'records.*.headers': ['wider', 'absent without headers; a value may be a string or several byte arrays'],
  'records.*.timestampType': ['wider', 'any type string: Kafka also has NO_TIMESTAMP_TYPE'],
} as const

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
      multiValueHeaders: [
        'absent-or-null',
        'null from the console’s Test tab; absent from AWS’s first proxy samples',
      ],
      multiValueQueryStringParameters: [
        'absent',
        'absent from AWS’s first proxy samples (before multi-value maps)',
      ],
      isBase64Encoded: ['absent', 'always sent today; absent from older samples, and read as false then'],
      'requestContext.authorizer': ['absent-or-null', 'null or absent without an authorizer'],
      'requestContext.path': ['absent', 'absent from AWS’s first proxy samples'],
      'requestContext.protocol': ['absent', 'absent from AWS’s first proxy samples'],
      'requestContext.resourceId': ['null', 'null in HTTP API events with payload format 1.0'],
      'requestContext.identity.*': ['absent-or-null', IDENTITY],
    },
  },
  'apigw-http': { APIGatewayProxyEventV2: {} },
  'apigw-websocket': {
    APIGatewayProxyWebsocketEventV2: {
      'requestContext.messageId': ['absent', 'MESSAGE events only: CONNECT and DISCONNECT have none'],
      body: ['absent-or-null', 'null on $connect and $disconnect, absent or a string on messages'],
    },
  },
  'apigw-authorizer-token': { APIGatewayTokenAuthorizerEvent: {} },
  'apigw-authorizer-request': {
    APIGatewayRequestAuthorizerEvent: {
      multiValueHeaders: ['absent-or-null', HTTP_V1],
      multiValueQueryStringParameters: ['absent-or-null', HTTP_V1],
      'requestContext.authorizer': ['absent', AUTHORIZER_SAMPLES],
      'requestContext.resourceId': ['null', 'null from HTTP API authorizers with payload format 1.0'],
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
      pathParameters: ['null', 'documented as null: a function URL has no path parameters'],
      stageVariables: ['null', 'documented as null: a function URL has no stages'],
      'requestContext.authentication': ['null', 'documented as null without mutual TLS'],
      'requestContext.routeKey': ['absent', EARLY_URL],
      'requestContext.stage': ['absent', EARLY_URL],
    },
  },
  cloudfront: {
    CloudFrontRequestEvent: {
      'Records.cf.config.distributionDomainName': ['absent', OLD_EDGE],
    },
    CloudFrontResponseEvent: {
      'Records.cf.config.distributionDomainName': ['absent', OLD_EDGE],
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
  ses: {
    SESEvent: {
      'Records.ses.receipt.dmarcVerdict': ['absent', 'absent from receipts older than SES’s DMARC support'],
    },
  },
  cognito: {
    PreSignUpTriggerEvent: {
      'request.validationData': ['null', NO_VALIDATION_DATA],
    },
    PostConfirmationTriggerEvent: {
      response: ['absent', NO_ANSWER],
    },
    PreAuthenticationTriggerEvent: {
      'request.validationData': ['null', NO_VALIDATION_DATA],
      response: ['absent', NO_ANSWER],
    },
    PostAuthenticationTriggerEvent: {
      response: ['absent', NO_ANSWER],
    },
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
      PhysicalResourceId: ['absent', 'always sent for Update and Delete; absent from some of AWS’s samples'],
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
    MSKEvent: KAFKA_RECORD,
    SelfManagedKafkaEvent: KAFKA_RECORD,
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
      invocationSource: ['wider', LEX_PROSE],
      outputDialogMode: ['wider', LEX_PROSE],
      'currentIntent.confirmationStatus': ['wider', LEX_PROSE],
    },
    LexV2Event: {
      proposedNextState: ['absent', 'absent on fulfillment code hooks'],
      'bot.aliasName': ['absent', 'absent from AWS’s .NET sample'],
      'interpretations.intent.confirmationState': ['absent', NOT_PICKED],
      'interpretations.intent.state': ['absent', NOT_PICKED],
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
  'secrets-manager-rotation': {
    SecretsManagerRotationEvent: {
      Step: ['wider', 'any step string: the four known steps are typed, a new one still parses'],
    },
  },
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
