import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validAlexa } from './precompiled.ts'

// AWS documentation of this event:
// https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html

const application = lazy(() => z.looseObject({ applicationId: z.string() }))
const user = lazy(() => z.looseObject({ userId: z.string(), accessToken: z.string().optional() }))

/**
 * An Alexa Skills Kit request (source id `alexa`): `request.type` is `LaunchRequest`, `IntentRequest`,
 * `SessionEndedRequest` or another ASK request type. Verify `context.System.application.applicationId` is yours.
 *
 * @example
 * const event: AlexaEvent = alexaSchema.parse(input)
 * if (event.request.type === 'IntentRequest') handle(event.request.intent)
 */
export const alexaSchema = sourceSchema('alexa', validAlexa, () =>
  z.looseObject({
    version: z.string(),
    session: z
      .looseObject({
        new: z.boolean(),
        sessionId: z.string(),
        application,
        attributes: z.record(z.string(), z.unknown()).optional(),
        user,
      })
      .optional(),
    context: z.looseObject({
      System: z.looseObject({
        application,
        user,
        device: z.looseObject({
          deviceId: z.string(),
          supportedInterfaces: z.record(z.string(), z.unknown()),
        }),
        apiEndpoint: z.string(),
        apiAccessToken: z.string().optional(),
      }),
    }),
    request: z.looseObject({
      type: z.string(),
      requestId: z.string(),
      timestamp: z.string(),
      locale: z.string().optional(),
      intent: z
        .looseObject({
          name: z.string(),
          confirmationStatus: z.string().optional(),
          slots: z
            .record(z.string(), z.looseObject({ name: z.string(), value: z.string().optional() }))
            .optional(),
        })
        .optional(),
    }),
  }),
)

/**
 * The type of {@link alexaSchema} (`@types/aws-lambda` has no type for it; `ask-sdk-model` has the full one).
 *
 * @example
 * const kind = (event: AlexaEvent) => event.request.type
 */
export type AlexaEvent = z.output<typeof alexaSchema>
