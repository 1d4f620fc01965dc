import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { sample } from '../../../../test/fixtures/corpora/load.ts'
import { safeParseEvent } from '../parse-event.ts'
import { envelopes } from './index.ts'

const alarm = z.object({ AlarmName: z.string(), NewStateValue: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']) })

describe('envelopes.sns', () => {
  test('parses each Sns.Message as JSON with the schema (AWS sample: an alarm through SNS)', () => {
    const event = sample('cloudwatch-alarm-sns-payload-single-metric.json')
    expect(envelopes.sns(alarm).parse(event)).toEqual([{ AlarmName: 'EXAMPLE', NewStateValue: 'ALARM' }])
  })

  test('a record without Sns is a ParseError at that record', () => {
    const event = events.sns()
    const broken = { Records: [...event.Records, { EventSource: 'aws:sns' }] }
    expect(safeParseEvent(envelopes.sns(z.unknown()), broken)).toMatchObject({
      success: false,
      error: { path: ['Records', 1, 'Sns'], expected: 'object', received: 'nothing' },
    })
  })
})
