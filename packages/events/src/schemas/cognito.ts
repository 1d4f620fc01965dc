import { z } from 'zod'
import { lazy } from '../lazy.ts'
import {
  createAuthChallenge,
  customMessage,
  defineAuthChallenge,
  postAuthentication,
  postConfirmation,
  preAuthentication,
  preSignUp,
  preTokenGeneration,
  userMigration,
  verifyAuthChallengeResponse,
} from './cognito-triggers.ts'

const senderSources = <const $Prefix extends string>(prefix: $Prefix) =>
  [
    `${prefix}_SignUp`,
    `${prefix}_ResendCode`,
    `${prefix}_ForgotPassword`,
    `${prefix}_UpdateUserAttribute`,
    `${prefix}_VerifyUserAttribute`,
    `${prefix}_AdminCreateUser`,
    `${prefix}_AccountTakeOverNotification`,
    `${prefix}_Authentication`,
  ] as const

const senderBase = lazy(() => ({
  version: z.string(),
  region: z.string(),
  userPoolId: z.string(),
  userName: z.string(),
  callerContext: z.looseObject({ awsSdkVersion: z.string(), clientId: z.string() }),
  response: z.looseObject({}),
}))

// The code arrives encrypted with the pool's KMS key; null for notifications without a code.
const customEmailSender = lazy(() =>
  z.looseObject({
    ...senderBase,
    triggerSource: z.enum(senderSources('CustomEmailSender')),
    request: z.looseObject({
      type: z.literal('customEmailSenderRequestV1'),
      code: z.string().nullable(),
      userAttributes: z.record(z.string(), z.string()),
      clientMetadata: z.record(z.string(), z.string()).optional(),
    }),
  }),
)

const customSmsSender = lazy(() =>
  z.looseObject({
    ...senderBase,
    triggerSource: z.enum(senderSources('CustomSMSSender')),
    request: z.looseObject({
      type: z.literal('customSMSSenderRequestV1'),
      code: z.string().nullable(),
      userAttributes: z.record(z.string(), z.string()),
      clientMetadata: z.record(z.string(), z.string()).optional(),
    }),
  }),
)

const inboundFederation = lazy(() =>
  z.looseObject({
    ...senderBase,
    triggerSource: z.literal('InboundFederation_ExternalProvider'),
    request: z.looseObject({
      providerName: z.string(),
      providerType: z.string(),
      attributes: z.record(z.string(), z.unknown()),
    }),
    response: z.looseObject({ userAttributesToMap: z.record(z.string(), z.string()).nullish() }),
  }),
)

/**
 * A Cognito user pool trigger (source id `cognito`), discriminated by `triggerSource`: pre sign-up, post
 * confirmation, pre/post authentication, the custom auth challenge triggers, pre token generation (v1–v2),
 * user migration, custom message, custom email/SMS sender and inbound federation. Return the event with
 * `response` filled in.
 *
 * @example
 * const event = cognitoSchema.parse(input)
 * if (event.triggerSource === 'PreSignUp_SignUp') event.response.autoConfirmUser = true
 */
export const cognitoSchema = lazy(() =>
  z.discriminatedUnion('triggerSource', [
    preSignUp,
    postConfirmation,
    preAuthentication,
    postAuthentication,
    defineAuthChallenge,
    createAuthChallenge,
    verifyAuthChallengeResponse,
    preTokenGeneration,
    userMigration,
    customMessage,
    inboundFederation,
    customEmailSender,
    customSmsSender,
  ]),
)

/**
 * The type of {@link cognitoSchema}: a union narrowed by `triggerSource`; each member matches the
 * `@types/aws-lambda` trigger event of the same source, with response fields nullable as Cognito sends them.
 *
 * @example
 * const attributes = (event: CognitoEvent) => ('userAttributes' in event.request ? event.request.userAttributes : {})
 */
export type CognitoEvent = z.output<typeof cognitoSchema>

/**
 * The member of {@link CognitoEvent} for one `triggerSource`, narrowed to it.
 *
 * @example
 * const confirm = (event: CognitoTrigger<'PreSignUp_SignUp'>) => ({ ...event, response: { ...event.response, autoConfirmUser: true } })
 */
export type CognitoTrigger<$Source extends CognitoEvent['triggerSource']> = CognitoEvent extends infer $Member
  ? $Member extends { triggerSource: infer $Sources }
    ? $Source extends $Sources
      ? $Member & { triggerSource: $Source }
      : never
    : never
  : never
