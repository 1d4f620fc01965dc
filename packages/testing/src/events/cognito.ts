import { randomBytes, randomUUID } from 'node:crypto'
import type {
  CreateAuthChallengeTriggerEvent,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerEvent,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * A Cognito user pool trigger event: any of `@types/aws-lambda`'s trigger events, told apart by `triggerSource`.
 *
 * @example
 * const event: CognitoTriggerEvent = events.cognito({ triggerSource: 'PostConfirmation_ConfirmSignUp', response: {} })
 */
export type CognitoTriggerEvent =
  | PreSignUpTriggerEvent
  | PostConfirmationTriggerEvent
  | PreAuthenticationTriggerEvent
  | PostAuthenticationTriggerEvent
  | DefineAuthChallengeTriggerEvent
  | CreateAuthChallengeTriggerEvent
  | VerifyAuthChallengeResponseTriggerEvent
  | PreTokenGenerationTriggerEvent
  | PreTokenGenerationV2TriggerEvent
  | UserMigrationTriggerEvent
  | CustomMessageTriggerEvent
  | CustomEmailSenderTriggerEvent
  | CustomSMSSenderTriggerEvent

/**
 * `events.cognito`: a user pool trigger, `PreSignUp_SignUp` unless overridden. Another `triggerSource` takes its
 * `request` and `response` from the overrides whole (only `userAttributes` carries over).
 *
 * @example
 * events.cognito({ triggerSource: 'PostConfirmation_ConfirmSignUp', response: {} })
 */
export function cognitoFromPartial(partial: Overrides<CognitoTriggerEvent> = {}): CognitoTriggerEvent {
  const { region } = eventSource(partial)
  const userName = randomUUID()
  const base: PreSignUpTriggerEvent = {
    version: '1',
    region,
    userPoolId: `${region}_${randomBytes(6).toString('base64url').slice(0, 9)}`,
    userName,
    callerContext: {
      awsSdkVersion: 'aws-sdk-js-3.700.0',
      clientId: randomBytes(13).toString('hex').slice(0, 26),
    },
    triggerSource: 'PreSignUp_SignUp',
    request: { userAttributes: { email: 'ada@example.com', sub: userName }, validationData: {} },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  }
  const patch = eventPatch(partial)
  // request and response belong to the trigger: a different trigger's are taken whole, not merged
  const sameTrigger = patch.triggerSource === undefined || patch.triggerSource === base.triggerSource
  // (the patch's own triggerSource replaces the placeholder one of the bare start)
  const start: CognitoTriggerEvent = sameTrigger
    ? base
    : {
        ...base,
        triggerSource: 'PostConfirmation_ConfirmSignUp',
        request: { userAttributes: base.request.userAttributes },
        response: {},
      }
  return deepMerge<CognitoTriggerEvent>(start, patch)
}
