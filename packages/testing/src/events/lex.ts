import { randomBytes, randomUUID } from 'node:crypto'
import type { LexEvent, LexV2Event, LexV2Intent } from 'aws-lambda'
import { type DeepPartial, deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * Overrides for `events.lex`: a deep partial of a Lex V2 event, or of a legacy V1 event (`LexEvent`) when it
 * has `currentIntent`.
 *
 * @example
 * const v1: LexPartial = { currentIntent: { name: 'OrderFlowers' } }
 */
export type LexPartial =
  | Overrides<LexV2Event>
  | (Overrides<LexEvent> & { currentIntent: DeepPartial<LexEvent['currentIntent']> })

/**
 * The event `events.lex` builds for overrides `$Partial`: V1 with `currentIntent`, V2 otherwise.
 *
 * @example
 * type Built = LexEventOf<{ currentIntent: { name: 'OrderFlowers' } }> // LexEvent
 */
export type LexEventOf<$Partial> = $Partial extends { currentIntent: object } ? LexEvent : LexV2Event

const lexV1 = (partial: Overrides<LexEvent>): LexEvent => {
  const base: LexEvent = {
    messageVersion: '1.0',
    invocationSource: 'DialogCodeHook',
    userId: randomBytes(12).toString('hex'),
    inputTranscript: 'I would like to order flowers',
    outputDialogMode: 'Text',
    sessionAttributes: {},
    requestAttributes: null,
    bot: { name: 'SluiceBot', alias: '$LATEST', version: '$LATEST' },
    currentIntent: {
      name: 'OrderFlowers',
      slots: { FlowerType: 'roses' },
      slotDetails: { FlowerType: { resolutions: [{ value: 'roses' }], originalValue: 'roses' } },
      confirmationStatus: 'None',
    },
  }
  return deepMerge<LexEvent>(base, eventPatch(partial))
}

const lexV2 = (partial: Overrides<LexV2Event>): LexV2Event => {
  // a fresh object at each place: Lex sends three separate copies, and a caller that edits one (or a test that
  // clones the event) must not change the others
  const intent = (): LexV2Intent => ({
    name: 'OrderFlowers',
    confirmationState: 'None',
    state: 'InProgress',
    slots: { FlowerType: null },
  })
  const base: LexV2Event = {
    messageVersion: '1.0',
    invocationSource: 'DialogCodeHook',
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: randomBytes(12).toString('hex'),
    inputTranscript: 'I would like to order flowers',
    bot: {
      id: randomBytes(5).toString('hex').toUpperCase(),
      name: 'SluiceBot',
      aliasId: 'TSTALIASID',
      aliasName: 'TestBotAlias',
      localeId: 'en_US',
      version: 'DRAFT',
    },
    interpretations: [{ intent: intent(), nluConfidence: 0.92 }],
    proposedNextState: { dialogAction: { type: 'ElicitSlot', slotToElicit: 'FlowerType' }, intent: intent() },
    requestAttributes: {},
    sessionState: { sessionAttributes: {}, intent: intent(), originatingRequestId: randomUUID() },
    transcriptions: [],
  }
  return deepMerge<LexV2Event>(base, eventPatch(partial))
}

/**
 * `events.lex`: a Lex V2 dialog code hook for an `OrderFlowers` intent in progress; with `currentIntent` in the
 * overrides, the legacy V1 format (`LexEvent`) instead.
 *
 * @example
 * events.lex({ inputTranscript: 'roses please' }) // LexV2Event
 * events.lex({ currentIntent: { name: 'OrderFlowers' } }) // LexEvent (V1)
 */
export function lexFromPartial<const $Partial extends LexPartial = {}>(
  partial: $Partial = {} as $Partial,
): LexEventOf<$Partial> {
  const built = 'currentIntent' in partial ? lexV1(partial) : lexV2(partial as Overrides<LexV2Event>)
  return built as LexEventOf<$Partial>
}
