import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { validConfig } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html

/**
 * An AWS Config custom rule evaluation request (source id `config`). `invokingEvent` and `ruleParameters` are JSON
 * strings: parse them with your own schema (`parseJson` from this package is safe against prototype pollution).
 *
 * @example
 * const event: ConfigEvent = configSchema.parse(input)
 * const invoking = JSON.parse(event.invokingEvent)
 */
export const configSchema = sourceSchema('config', validConfig, () =>
  z.looseObject({
    version: z.string(),
    invokingEvent: z.string(),
    ruleParameters: z.string().optional(),
    resultToken: z.string(),
    eventLeftScope: z.boolean(),
    executionRoleArn: z.string(),
    configRuleArn: z.string(),
    configRuleName: z.string(),
    configRuleId: z.string(),
    accountId: z.string(),
    evaluationMode: z.string().optional(),
  }),
)

/**
 * The type of {@link configSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const token = (event: ConfigEvent) => event.resultToken
 */
export type ConfigEvent = z.output<typeof configSchema>
