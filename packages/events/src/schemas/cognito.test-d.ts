import { describe, expectTypeOf, test } from 'vitest'
import type { CognitoEvent, CognitoTrigger, UnknownCognitoTriggerSource } from './cognito.ts'

declare const event: CognitoEvent

describe('an unknown triggerSource does not weaken narrowing on the known ones', () => {
  test('=== on a known source gives that trigger’s request and response', () => {
    if (event.triggerSource === 'PreSignUp_SignUp') {
      expectTypeOf(event.request).toEqualTypeOf<CognitoTrigger<'PreSignUp_SignUp'>['request']>()
      expectTypeOf(event.response).toEqualTypeOf<CognitoTrigger<'PreSignUp_SignUp'>['response']>()
      expectTypeOf(event.triggerSource).toEqualTypeOf<'PreSignUp_SignUp'>()
      expectTypeOf(event.response.autoConfirmUser).toEqualTypeOf<boolean>()
      expectTypeOf(event.request.userAttributes).toEqualTypeOf<Record<string, string>>()
    }
    if (event.triggerSource === 'VerifyAuthChallengeResponse_Authentication') {
      expectTypeOf(event.request.challengeAnswer).toEqualTypeOf<string>()
      expectTypeOf(event.response.answerCorrect).toEqualTypeOf<boolean | null | undefined>()
    }
  })

  test('a switch narrows each case, and a trigger without an answer may lack response', () => {
    switch (event.triggerSource) {
      case 'UserMigration_Authentication':
        expectTypeOf(event.request.password).toEqualTypeOf<string | undefined>()
        break
      case 'PostAuthentication_Authentication':
        expectTypeOf(event.request.newDeviceUsed).toEqualTypeOf<boolean>()
        expectTypeOf(event.response).toEqualTypeOf<Record<string, unknown> | undefined>()
        break
    }
  })

  test('the fallback member carries the unknown source, an open request and an optional response', () => {
    type Fallback = Extract<CognitoEvent, { triggerSource: UnknownCognitoTriggerSource }>
    expectTypeOf<Fallback['triggerSource']>().toExtend<string>()
    expectTypeOf<Fallback['request']>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<Fallback['response']>().toEqualTypeOf<Record<string, unknown> | undefined>()
    // a known source is never typed as the fallback's
    expectTypeOf<'PreSignUp_SignUp'>().not.toExtend<UnknownCognitoTriggerSource>()
    expectTypeOf<CognitoTrigger<'PreSignUp_SignUp'>>().not.toExtend<Fallback>()
  })
})
