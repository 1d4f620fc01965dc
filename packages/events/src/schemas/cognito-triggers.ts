import * as z from 'zod'
import { lazy } from '../lazy.ts'

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
// (the common parameters) and each trigger's page linked from it.

const stringMap = lazy(() => z.record(z.string(), z.string()))

/**
 * The fields every user-pool trigger shares; `triggerSource` tells which trigger and why.
 *
 * @example
 * z.looseObject({ ...triggerFields, triggerSource: z.string() })
 */
export const triggerFields = lazy(() => ({
  version: z.string(),
  region: z.string(),
  userPoolId: z.string(),
  userName: z.string(),
  callerContext: z.looseObject({ awsSdkVersion: z.string(), clientId: z.string() }),
}))

/**
 * One user-pool trigger's schema: the fields every trigger shares, `triggerSource` one of `sources`, and the
 * trigger's own `request` and `response`. The sender and federation triggers in `cognito.ts` are built with it too.
 *
 * @example
 * const ping = trigger(['Ping_Test'], z.looseObject({}), z.looseObject({}))
 */
export const trigger = <
  const $Sources extends readonly [string, ...string[]],
  $Request extends z.ZodType,
  $Response extends z.ZodType,
>(
  sources: $Sources,
  request: $Request,
  response: $Response,
) => z.looseObject({ ...triggerFields, triggerSource: z.enum(sources), request, response })

const session = lazy(() =>
  z.array(
    z.looseObject({
      challengeName: z.string(),
      challengeResult: z.boolean(),
      challengeMetadata: z.string().optional(),
    }),
  ),
)

const groupConfiguration = lazy(() =>
  z.looseObject({
    groupsToOverride: z.array(z.string()).optional(),
    iamRolesToOverride: z.array(z.string()).optional(),
    preferredRole: z.string().nullish(),
  }),
)

// These triggers take no answer: Cognito sends `response: {}` or, in some SDK samples, no response at all.
const noResponse = lazy(() => z.looseObject({}).optional())

// Response fields arrive empty (null or defaults) and are the handler's to fill in: accepted as sent.
/**
 * Pre sign-up: `PreSignUp_SignUp`, `_AdminCreateUser`, `_ExternalProvider`.
 *
 * @example
 * preSignUp.parse(event).response.autoConfirmUser
 */
export const preSignUp = lazy(() =>
  trigger(
    ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'],
    z.looseObject({
      userAttributes: stringMap,
      validationData: stringMap.nullish(),
      clientMetadata: stringMap.optional(),
    }),
    z.looseObject({
      autoConfirmUser: z.boolean(),
      autoVerifyEmail: z.boolean(),
      autoVerifyPhone: z.boolean(),
    }),
  ),
)

/**
 * Post confirmation: sign-up or forgot-password confirmed.
 *
 * @example
 * postConfirmation.parse(event).request.userAttributes.email
 */
export const postConfirmation = lazy(() =>
  trigger(
    ['PostConfirmation_ConfirmSignUp', 'PostConfirmation_ConfirmForgotPassword'],
    z.looseObject({ userAttributes: stringMap, clientMetadata: stringMap.optional() }),
    noResponse,
  ),
)

/**
 * Pre authentication.
 *
 * @example
 * preAuthentication.parse(event).request.validationData
 */
export const preAuthentication = lazy(() =>
  trigger(
    ['PreAuthentication_Authentication'],
    z.looseObject({
      userAttributes: stringMap,
      validationData: stringMap.nullish(),
      userNotFound: z.boolean().optional(),
    }),
    noResponse,
  ),
)

/**
 * Post authentication, with `newDeviceUsed`.
 *
 * @example
 * postAuthentication.parse(event).request.newDeviceUsed
 */
export const postAuthentication = lazy(() =>
  trigger(
    ['PostAuthentication_Authentication'],
    z.looseObject({
      userAttributes: stringMap,
      newDeviceUsed: z.boolean(),
      clientMetadata: stringMap.optional(),
    }),
    noResponse,
  ),
)

/**
 * Define auth challenge: the session so far; answer with `issueTokens`/`failAuthentication`.
 *
 * @example
 * defineAuthChallenge.parse(event).request.session.length
 */
export const defineAuthChallenge = lazy(() =>
  trigger(
    ['DefineAuthChallenge_Authentication'],
    z.looseObject({
      userAttributes: stringMap,
      session,
      clientMetadata: stringMap.optional(),
      userNotFound: z.boolean().optional(),
    }),
    z.looseObject({
      challengeName: z.string().nullish(),
      issueTokens: z.boolean().nullish(),
      failAuthentication: z.boolean().nullish(),
    }),
  ),
)

/**
 * Create auth challenge: set the public and private challenge parameters.
 *
 * @example
 * createAuthChallenge.parse(event).request.challengeName
 */
export const createAuthChallenge = lazy(() =>
  trigger(
    ['CreateAuthChallenge_Authentication'],
    z.looseObject({
      userAttributes: stringMap,
      challengeName: z.string(),
      session,
      clientMetadata: stringMap.optional(),
      userNotFound: z.boolean().optional(),
    }),
    z.looseObject({
      publicChallengeParameters: stringMap.nullish(),
      privateChallengeParameters: stringMap.nullish(),
      challengeMetadata: z.string().nullish(),
    }),
  ),
)

/**
 * Verify auth challenge response: compare `challengeAnswer` with the private parameters.
 *
 * @example
 * verifyAuthChallengeResponse.parse(event).request.challengeAnswer
 */
export const verifyAuthChallengeResponse = lazy(() =>
  trigger(
    ['VerifyAuthChallengeResponse_Authentication'],
    z.looseObject({
      userAttributes: stringMap,
      privateChallengeParameters: stringMap,
      challengeAnswer: z.string(),
      clientMetadata: stringMap.optional(),
      userNotFound: z.boolean().optional(),
    }),
    z.looseObject({ answerCorrect: z.boolean().nullish() }),
  ),
)

// Version 1 events carry claimsOverrideDetails, versions 2 and 3 claimsAndScopeOverrideDetails (and scopes).
/**
 * Pre token generation, event versions 1 and 2 (claims and scopes overrides).
 *
 * @example
 * preTokenGeneration.parse(event).request.groupConfiguration
 */
export const preTokenGeneration = lazy(() =>
  trigger(
    [
      'TokenGeneration_HostedAuth',
      'TokenGeneration_Authentication',
      'TokenGeneration_NewPasswordChallenge',
      'TokenGeneration_AuthenticateDevice',
      'TokenGeneration_RefreshTokens',
    ],
    z.looseObject({
      userAttributes: stringMap,
      groupConfiguration,
      scopes: z.array(z.string()).optional(),
      clientMetadata: stringMap.optional(),
    }),
    z.looseObject({
      claimsOverrideDetails: z.looseObject({}).nullish(),
      claimsAndScopeOverrideDetails: z.looseObject({}).nullish(),
    }),
  ),
)

/**
 * User migration: sign-in or forgot-password for a user the pool does not know yet.
 *
 * @example
 * userMigration.parse(event).request.password
 */
export const userMigration = lazy(() =>
  trigger(
    ['UserMigration_Authentication', 'UserMigration_ForgotPassword'],
    z.looseObject({
      password: z.string().optional(),
      validationData: stringMap.nullish(),
      clientMetadata: stringMap.optional(),
    }),
    z.looseObject({
      userAttributes: stringMap.nullish(),
      finalUserStatus: z.string().nullish(),
      messageAction: z.string().nullish(),
      desiredDeliveryMediums: z.array(z.string()).nullish(),
      forceAliasCreation: z.boolean().nullish(),
    }),
  ),
)

/**
 * Custom message: the code and username placeholders to put in your SMS or email.
 *
 * @example
 * customMessage.parse(event).request.codeParameter
 */
export const customMessage = lazy(() =>
  trigger(
    [
      'CustomMessage_SignUp',
      'CustomMessage_AdminCreateUser',
      'CustomMessage_ResendCode',
      'CustomMessage_ForgotPassword',
      'CustomMessage_UpdateUserAttribute',
      'CustomMessage_VerifyUserAttribute',
      'CustomMessage_Authentication',
    ],
    z.looseObject({
      userAttributes: stringMap,
      codeParameter: z.string(),
      linkParameter: z.string().nullish(),
      usernameParameter: z.string().nullish(),
      clientMetadata: stringMap.optional(),
    }),
    z.looseObject({
      smsMessage: z.string().nullish(),
      emailMessage: z.string().nullish(),
      emailSubject: z.string().nullish(),
    }),
  ),
)
