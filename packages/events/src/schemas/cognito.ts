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
  trigger,
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

// The code arrives encrypted with the pool's KMS key; null for notifications without a code.
const senderRequest = <const $Type extends string>(type: $Type) =>
  z.looseObject({
    type: z.literal(type),
    code: z.string().nullable(),
    userAttributes: z.record(z.string(), z.string()),
    clientMetadata: z.record(z.string(), z.string()).optional(),
  })

const customEmailSender = lazy(() =>
  trigger(senderSources('CustomEmailSender'), senderRequest('customEmailSenderRequestV1'), z.looseObject({})),
)

const customSmsSender = lazy(() =>
  trigger(senderSources('CustomSMSSender'), senderRequest('customSMSSenderRequestV1'), z.looseObject({})),
)

const inboundFederation = lazy(() =>
  trigger(
    ['InboundFederation_ExternalProvider'],
    z.looseObject({
      providerName: z.string(),
      providerType: z.string(),
      attributes: z.record(z.string(), z.unknown()),
    }),
    z.looseObject({ userAttributesToMap: z.record(z.string(), z.string()).nullish() }),
  ),
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
