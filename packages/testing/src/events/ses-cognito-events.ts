import { randomBytes, randomUUID } from 'node:crypto'
import type { PreSignUpTriggerEvent, SESEvent, SESEventRecord } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.ses`: an email received by an SES receipt rule with a Lambda action.
 *
 * @example
 * events.ses().Records[0]?.ses.mail.commonHeaders.subject // 'Order 1'
 */
export function sesFromPartial(partial: Overrides<SESEvent> = {}): SESEvent {
  const { region, accountId, now } = eventSource(partial)
  const { Records: records, ...rest } = eventPatch(partial)
  const time = new Date(now).toISOString()
  const messageId = randomBytes(20).toString('hex').slice(0, 40)
  const from = 'sender@example.com'
  const to = 'orders@example.com'
  const pass = { status: 'PASS' as const }
  const record: SESEventRecord = {
    eventSource: 'aws:ses',
    eventVersion: '1.0',
    ses: {
      mail: {
        timestamp: time,
        source: from,
        messageId,
        destination: [to],
        headersTruncated: false,
        headers: [
          { name: 'From', value: from },
          { name: 'To', value: to },
          { name: 'Subject', value: 'Order 1' },
        ],
        commonHeaders: {
          returnPath: from,
          from: [from],
          date: new Date(now).toUTCString(),
          to: [to],
          messageId: `<${randomUUID()}@example.com>`,
          subject: 'Order 1',
        },
      },
      receipt: {
        timestamp: time,
        processingTimeMillis: 412,
        recipients: [to],
        spamVerdict: pass,
        virusVerdict: pass,
        spfVerdict: pass,
        dkimVerdict: pass,
        dmarcVerdict: pass,
        dmarcPolicy: 'reject',
        action: {
          type: 'Lambda',
          functionArn: `arn:aws:lambda:${region}:${accountId}:function:sluice-function`,
          invocationType: 'Event',
        },
      },
    },
  }
  const merged = deepMerge<SESEvent>({ Records: [record] }, rest as DeepPartial<SESEvent>)
  return records === undefined ? merged : { Records: records.map((patch) => deepMerge(record, patch)) }
}

/**
 * A Cognito user pool trigger event: `triggerSource` and the matching `request`/`response`. Defaults to a
 * `PreSignUp_SignUp` trigger; override `triggerSource`, `request` and `response` for the others.
 *
 * @example
 * const event: CognitoTriggerEvent = events.cognito({ triggerSource: 'PostConfirmation_ConfirmSignUp', response: {} })
 */
export interface CognitoTriggerEvent {
  version: string
  region: string
  userPoolId: string
  userName: string
  callerContext: { awsSdkVersion: string; clientId: string }
  triggerSource: string
  request: Record<string, unknown>
  response: Record<string, unknown>
}

/**
 * `events.cognito`: a user pool trigger, `PreSignUp_SignUp` unless overridden.
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
  return deepMerge<CognitoTriggerEvent>(
    sameTrigger ? base : { ...base, request: { userAttributes: base.request.userAttributes }, response: {} },
    patch,
  )
}
