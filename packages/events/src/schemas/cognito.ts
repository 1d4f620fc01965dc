import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
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
  triggerFields,
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

// an array of lazy schemas: building it costs nothing until a member is used
const knownTriggers = [
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
] as const

/**
 * The brand of {@link UnknownCognitoTriggerSource}: a type only, nothing at run time.
 *
 * @example
 * type Brand = UnknownTriggerSourceBrand // { readonly unknownCognitoTriggerSource: true }
 */
export interface UnknownTriggerSourceBrand {
  readonly unknownCognitoTriggerSource: true
}

/**
 * A `triggerSource` that none of sluice's trigger schemas lists: one Cognito added later (or a test's
 * placeholder). It is a string at run time; the brand keeps it apart from the known sources, so that
 * `event.triggerSource === 'PreSignUp_SignUp'` still narrows the event to its pre sign-up shape (a plain
 * `string` member would keep every trigger in the narrowed union).
 *
 * @example
 * const source: string = event.triggerSource // compare an unknown source as a string
 */
export type UnknownCognitoTriggerSource = `${string & UnknownTriggerSourceBrand}`

// built on first use, like the schemas (a Set cannot sit behind lazy's proxy: its methods need the real object)
let knownSources: ReadonlySet<unknown> | undefined

const isUnknownSource = (value: unknown): value is UnknownCognitoTriggerSource => {
  knownSources ??= new Set(knownTriggers.flatMap((member) => member.shape.triggerSource.options))
  return typeof value === 'string' && !knownSources.has(value)
}

/**
 * Any user-pool trigger whose `triggerSource` is not a known one: the fields every trigger shares, an open
 * `request` and an optional `response`. A known `triggerSource` never falls back to it: its own schema decides.
 *
 * @example
 * unknownTrigger.parse({ ...base, triggerSource: 'PreSignUp_Passkey', request: {} }).request
 */
export const unknownTrigger = lazy(() =>
  z.looseObject({
    ...triggerFields,
    // reached for a known source only when its own shape failed: say so, since a ParseError may report this branch
    triggerSource: z.custom<UnknownCognitoTriggerSource>(isUnknownSource, {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `a ${issue.input} event with that trigger's request and response (they did not match)`
          : 'a trigger source string',
    }),
    request: z.looseObject({}),
    response: z.looseObject({}).optional(),
  }),
)

/**
 * A Cognito user pool trigger (source id `cognito`), discriminated by `triggerSource`: pre sign-up, post
 * confirmation, pre/post authentication, the custom auth challenge triggers, pre token generation (v1–v2),
 * user migration, custom message, custom email/SMS sender and inbound federation; any other `triggerSource`
 * (one Cognito adds later) parses with the generic fallback trigger shape. Return the event with `response` filled in.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 *
 * @example
 * const event = cognitoSchema.parse(input)
 * if (event.triggerSource === 'PreSignUp_SignUp') event.response.autoConfirmUser = true
 */
export const cognitoSchema = sourceSchema('cognito', () =>
  z.union([z.discriminatedUnion('triggerSource', knownTriggers), unknownTrigger]),
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
