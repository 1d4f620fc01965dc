import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { openEnum } from './open-enum.ts'

// V1: https://docs.aws.amazon.com/lex/latest/dg/lambda-input-response-format.html
// V2: https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html

const invocations = ['DialogCodeHook', 'FulfillmentCodeHook'] as const

// V1's documented example (copied into AWS's SDK samples) sends prose in its enums: they are open in V1 only

const lexV1 = lazy(() =>
  z.looseObject({
    messageVersion: z.literal('1.0'),
    invocationSource: openEnum(invocations),
    userId: z.string(),
    inputTranscript: z.string(),
    outputDialogMode: openEnum(['Text', 'Voice']),
    sessionAttributes: z.record(z.string(), z.string()),
    requestAttributes: z.record(z.string(), z.string()).nullable(),
    bot: z.looseObject({ name: z.string(), alias: z.string(), version: z.string() }),
    currentIntent: z.looseObject({
      name: z.string(),
      slots: z.record(z.string(), z.string().nullable()),
      slotDetails: z.record(
        z.string(),
        z.looseObject({
          // each resolution is { value } as documented; AWS's .NET sample keys them value1, value2…
          resolutions: z.array(z.looseObject({ value: z.string().optional() })),
          originalValue: z.string().nullable(),
        }),
      ),
      confirmationStatus: openEnum(['None', 'Confirmed', 'Denied']),
    }),
  }),
)

const intentState = lazy(() =>
  z.enum(['Failed', 'Fulfilled', 'FulfillmentInProgress', 'InProgress', 'ReadyForFulfillment', 'Waiting']),
)
const confirmationState = lazy(() => z.enum(['Confirmed', 'Denied', 'None']))

const intentFields = lazy(() => ({
  name: z.string(),
  // slot name → { shape, value } or null when not yet filled
  slots: z.record(z.string(), z.looseObject({ shape: z.string() }).nullable()),
}))

const intentV2 = lazy(() => z.looseObject({ ...intentFields, confirmationState, state: intentState }))

// the intents Lex considered but did not pick (FallbackIntent…) may carry only their name and slots
const interpretedIntent = lazy(() =>
  z.looseObject({
    ...intentFields,
    confirmationState: confirmationState.optional(),
    state: intentState.optional(),
  }),
)

const lexV2 = lazy(() =>
  z.looseObject({
    messageVersion: z.string(),
    invocationSource: z.enum(invocations),
    inputMode: z.enum(['DTMF', 'Speech', 'Text']),
    responseContentType: z.string(),
    sessionId: z.string(),
    inputTranscript: z.string(),
    bot: z.looseObject({
      id: z.string(),
      name: z.string(),
      aliasId: z.string(),
      // absent from AWS's .NET sample
      aliasName: z.string().optional(),
      localeId: z.string(),
      version: z.string(),
    }),
    interpretations: z.array(
      z.looseObject({ intent: interpretedIntent, nluConfidence: z.number().optional() }),
    ),
    proposedNextState: z
      .looseObject({ dialogAction: z.looseObject({ type: z.string() }), intent: intentV2 })
      .optional(),
    requestAttributes: z.record(z.string(), z.string()).optional(),
    sessionState: z.looseObject({
      sessionAttributes: z.record(z.string(), z.string()).optional(),
      dialogAction: z.looseObject({ type: z.string() }).optional(),
      intent: intentV2,
      originatingRequestId: z.string(),
    }),
    transcriptions: z.array(z.looseObject({ transcription: z.string() })).optional(),
  }),
)

/**
 * An Amazon Lex code hook (source id `lex`): Lex V2 (`sessionId`, `sessionState`, `interpretations`) or the
 * legacy V1 format (`currentIntent`, `outputDialogMode`).
 *
 * @example
 * const event = lexSchema.parse(input)
 * const intent = 'sessionState' in event ? event.sessionState.intent.name : event.currentIntent.name
 */
export const lexSchema = sourceSchema('lex', () => z.union([lexV2, lexV1]))

/**
 * The type of {@link lexSchema}: `LexV2Event` (with `proposedNextState` optional, as on fulfillment hooks) or
 * `LexEvent`.
 *
 * @example
 * const source = (event: LexEvent) => event.invocationSource
 */
export type LexEvent = z.output<typeof lexSchema>
