import { describe, expect, test } from 'vitest'
import { corpusFiles, sample } from '../../../test/fixtures/corpora/load.ts'
import { expectedSource, placeholderSamples, unsupportedSamples } from '../test-support/aws-lambda-go-map.ts'
import { detectSource } from './detect-source.ts'
import { safeParseEvent } from './parse-event.ts'
import { appsyncIdentitySchema } from './schemas/appsync.ts'
import { type SourceId, schemas } from './sources.ts'

const files = corpusFiles('aws-lambda-go')
const read = (name: string): unknown => sample(name)

describe('aws-lambda-go samples', () => {
  test('every sample file is classified: a source id, a placeholder, or unsupported with a reason', () => {
    const classified = new Set([
      ...Object.keys(expectedSource),
      ...Object.keys(placeholderSamples),
      ...Object.keys(unsupportedSamples),
    ])
    expect(files.filter((name) => !classified.has(name))).toEqual([])
    expect([...classified].filter((name) => !files.includes(name))).toEqual([])
  })

  test.each(Object.entries(expectedSource))('%s parses as %s and is detected as it', (name, id) => {
    const event = read(name)
    expect(detectSource(event)).toBe(id)
    const result = schemas[id as SourceId].safeParse(event)
    expect(result.error?.issues ?? []).toEqual([])
  })

  test.each(Object.entries(placeholderSamples))(
    '%s is detected as %s but rejected: its values are documentation placeholders',
    (name, { id, path }) => {
      const event = read(name)
      expect(detectSource(event)).toBe(id)
      const result = safeParseEvent(schemas[id], event)
      expect(result.success).toBe(false)
      if (!result.success)
        expect(result.error).toMatchObject({ code: 'EVENT_PARSE_FAILED', source: id, path })
    },
  )

  test('EventBridge samples from any service parse with the generic eventbridge schema', () => {
    const eventBridge = Object.entries(expectedSource).filter(([, id]) => id === 'eventbridge')
    expect(eventBridge.length).toBeGreaterThan(10)
    for (const [name] of eventBridge) expect(schemas.eventbridge.safeParse(read(name)).success).toBe(true)
  })

  test('the AppSync identity fragments parse with the identity schema', () => {
    for (const name of ['appsync-identity-cognito.json', 'appsync-identity-iam.json']) {
      expect(appsyncIdentitySchema.safeParse(read(name)).success).toBe(true)
      expect(detectSource(read(name))).toBeUndefined()
    }
  })

  test('reports how many samples parse and are detected', () => {
    const supported = Object.entries(expectedSource)
    const passing = supported.filter(([name, id]) => {
      const event = read(name)
      return detectSource(event) === id && schemas[id].safeParse(event).success
    })
    const ids = new Set(supported.map(([, id]) => id))
    console.log(
      `${passing.length} of ${files.length} aws-lambda-go samples parse and are detected (${ids.size} source ids); ` +
        `${Object.keys(placeholderSamples).length} are detected but rejected for placeholder values; ` +
        `${Object.keys(unsupportedSamples).length} are of sources sluice does not model`,
    )
    expect(passing.length).toBe(supported.length)
  })
})
