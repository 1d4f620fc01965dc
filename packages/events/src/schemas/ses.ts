import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validSes } from './precompiled.ts'

// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html

const verdict = lazy(() =>
  z.looseObject({ status: z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED']) }),
)
const addressList = lazy(() => z.array(z.string()).optional())

// The receipt rule action that ran; Lambda receives `Lambda` actions, the others appear when the same record is
// delivered through SNS or stored next to the mail in S3.
const action = lazy(() =>
  z.discriminatedUnion('type', [
    z.looseObject({
      type: z.literal('Lambda'),
      topicArn: z.string().optional(),
      functionArn: z.string(),
      invocationType: z.string(),
    }),
    z.looseObject({
      type: z.literal('S3'),
      topicArn: z.string().optional(),
      bucketName: z.string(),
      objectKey: z.string(),
    }),
    z.looseObject({ type: z.literal('SNS'), topicArn: z.string() }),
    z.looseObject({
      type: z.literal('Bounce'),
      topicArn: z.string().optional(),
      smtpReplyCode: z.string(),
      statusCode: z.string(),
      message: z.string(),
      sender: z.string(),
    }),
    z.looseObject({ type: z.literal('Stop'), topicArn: z.string().optional() }),
    z.looseObject({
      type: z.literal('WorkMail'),
      topicArn: z.string().optional(),
      organizationArn: z.string(),
    }),
  ]),
)

/**
 * An SES email receiving event (source id `ses`): the mail's headers and the receipt verdicts; the body is not
 * included (store it with an S3 action).
 *
 * @example
 * const event: SesEvent = sesSchema.parse(input)
 * event.Records[0]?.ses.mail.commonHeaders.subject
 */
export const sesSchema = sourceSchema('ses', validSes, () =>
  z.looseObject({
    Records: z.array(
      z.looseObject({
        eventSource: z.literal('aws:ses'),
        eventVersion: z.string(),
        ses: z.looseObject({
          mail: z.looseObject({
            timestamp: z.string(),
            source: z.string(),
            messageId: z.string(),
            destination: z.array(z.string()),
            headersTruncated: z.boolean(),
            headers: z.array(z.looseObject({ name: z.string(), value: z.string() })),
            commonHeaders: z.looseObject({
              returnPath: z.string(),
              from: addressList,
              date: z.string(),
              to: addressList,
              cc: addressList,
              bcc: addressList,
              sender: addressList,
              replyTo: addressList,
              messageId: z.string(),
              subject: z.string().optional(),
            }),
          }),
          receipt: z.looseObject({
            timestamp: z.string(),
            processingTimeMillis: z.number(),
            recipients: z.array(z.string()),
            spamVerdict: verdict,
            virusVerdict: verdict,
            spfVerdict: verdict,
            dkimVerdict: verdict,
            // absent from receipts older than SES's DMARC support (AWS's .NET S3-action sample)
            dmarcVerdict: verdict.optional(),
            dmarcPolicy: z.enum(['none', 'quarantine', 'reject']).optional(),
            action,
          }),
        }),
      }),
    ),
  }),
)

/**
 * The type of {@link sesSchema}; assignable to `SESEvent` from `@types/aws-lambda`.
 *
 * @example
 * const from = (event: SesEvent) => event.Records[0]?.ses.mail.source
 */
export type SesEvent = z.output<typeof sesSchema>
