import { z } from 'zod'
import { lazy } from '../lazy.ts'

const invocationSource = lazy(() => z.enum(['DialogCodeHook', 'FulfillmentCodeHook']))

const lexV1 = lazy(() =>
  z.looseObject({
    messageVersion: z.literal('1.0'),
    invocationSource,
    userId: z.string(),
    inputTranscript: z.string(),
    outputDialogMode: z.enum(['Text', 'Voice']),
    sessionAttributes: z.record(z.string(), z.string()),
    requestAttributes: z.record(z.string(), z.string()).nullable(),
    bot: z.looseObject({ name: z.string(), alias: z.string(), version: z.string() }),
    currentIntent: z.looseObject({
      name: z.string(),
      slots: z.record(z.string(), z.string().nullable()),
      slotDetails: z.record(
        z.string(),
        z.looseObject({
          resolutions: z.array(z.looseObject({ value: z.string() })),
          originalValue: z.string().nullable(),
        }),
      ),
      confirmationStatus: z.enum(['None', 'Confirmed', 'Denied']),
    }),
  }),
)

const intentV2 = lazy(() =>
  z.looseObject({
    name: z.string(),
    confirmationState: z.enum(['Confirmed', 'Denied', 'None']),
    state: z.enum([
      'Failed',
      'Fulfilled',
      'FulfillmentInProgress',
      'InProgress',
      'ReadyForFulfillment',
      'Waiting',
    ]),
    // slot name → { shape, value } or null when not yet filled
    slots: z.record(z.string(), z.looseObject({ shape: z.string() }).nullable()),
  }),
)

const lexV2 = lazy(() =>
  z.looseObject({
    messageVersion: z.string(),
    invocationSource,
    inputMode: z.enum(['DTMF', 'Speech', 'Text']),
    responseContentType: z.string(),
    sessionId: z.string(),
    inputTranscript: z.string(),
    bot: z.looseObject({
      id: z.string(),
      name: z.string(),
      aliasId: z.string(),
      aliasName: z.string(),
      localeId: z.string(),
      version: z.string(),
    }),
    interpretations: z.array(z.looseObject({ intent: intentV2, nluConfidence: z.number().optional() })),
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
export const lexSchema = lazy(() => z.union([lexV2, lexV1]))

/**
 * The type of {@link lexSchema}: `LexV2Event` (with `proposedNextState` optional, as on fulfillment hooks) or
 * `LexEvent`.
 *
 * @example
 * const source = (event: LexEvent) => event.invocationSource
 */
export type LexEvent = z.output<typeof lexSchema>
