import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { safeParseEvent } from '../parse-event.ts'
import { cognitoSchema } from './cognito.ts'

const common = {
  version: '1',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Example',
  userName: 'someone',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
}

describe('cognito triggers follow what Cognito sends', () => {
  test('a triggerSource Cognito added later parses with the shared fields, any request, with or without response', () => {
    const event = { ...common, triggerSource: 'PreSignUp_PasskeyEnrolment', request: { anything: [1] } }
    expect(cognitoSchema.safeParse(event).success).toBe(true)
    expect(cognitoSchema.safeParse({ ...event, response: { extra: true } }).success).toBe(true)
  })

  test('an unknown triggerSource still needs the fields every trigger has', () => {
    const { userPoolId: _, ...withoutPool } = { ...common, triggerSource: 'Later_Thing', request: {} }
    expect(cognitoSchema.safeParse(withoutPool).success).toBe(false)
    expect(cognitoSchema.safeParse({ ...common, triggerSource: 7, request: {} }).success).toBe(false)
  })

  test('a known triggerSource never falls back: a malformed pre sign-up fails at its own field', () => {
    const event = events.cognito({ triggerSource: 'PreSignUp_SignUp' })
    expect(cognitoSchema.safeParse(event).success).toBe(true)
    const broken = { ...event, request: { userAttributes: 'not a map' } }
    const result = safeParseEvent(cognitoSchema, broken)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.path).toEqual(['request', 'userAttributes'])
  })

  test('a known triggerSource whose event fails in several places says its own shape did not match', () => {
    const event = events.cognito({ triggerSource: 'PreSignUp_SignUp' })
    const broken = { ...event, request: { userAttributes: 'x' }, response: { autoConfirmUser: 'no' } }
    const result = safeParseEvent(cognitoSchema, broken)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.message).toContain('a PreSignUp_SignUp event with that trigger')
  })

  test.each([
    ['PostAuthentication_Authentication', { newDeviceUsed: false }],
    ['PostConfirmation_ConfirmSignUp', {}],
    ['PreAuthentication_Authentication', {}],
  ] as const)('%s parses without response (the trigger takes no answer)', (triggerSource, fields) => {
    const request = { userAttributes: { email: 'ada@example.com' }, ...fields }
    const { response: _, ...event } = events.cognito({ triggerSource, request })
    expect(cognitoSchema.safeParse(event).success).toBe(true)
    expect(cognitoSchema.safeParse({ ...event, response: {} }).success).toBe(true)
  })

  test('a trigger that takes an answer still needs its response', () => {
    const { response: _, ...event } = events.cognito({ triggerSource: 'PreSignUp_SignUp' })
    expect(cognitoSchema.safeParse(event).success).toBe(false)
  })
})
