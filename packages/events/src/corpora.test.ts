import { describe, expect, test } from 'vitest'
import { type Corpus, corpusFiles, sampleText } from '../../../test/fixtures/corpora/load.ts'
import {
  expectedSource,
  malformedOnPurpose,
  notYetSupported,
  outOfScope,
} from '../test-support/corpora-map.ts'
import { detectSource } from './detect-source.ts'
import { ParseError } from './errors.ts'
import { parseJson } from './json.ts'
import { safeParseEvent } from './parse-event.ts'
import { appsyncIdentitySchema } from './schemas/appsync.ts'
import { isSourceId, schemas } from './sources.ts'

const CORPORA: readonly Corpus[] = ['aws-lambda-go', 'aws-lambda-dotnet']
const files = CORPORA.flatMap((corpus) => corpusFiles(corpus).map((name) => `${corpus}/${name}`))

/** A corpus file, by its `<corpus>/<file>` key, parsed fresh. */
const read = (key: string): unknown => {
  const [corpus, name] = split(key)
  return parseJson(sampleText(name, corpus))
}
const split = (key: string): [Corpus, string] => {
  const corpus = CORPORA.find((c) => key.startsWith(`${c}/`))
  if (!corpus) throw new Error(`${key} names no corpus`)
  return [corpus, key.slice(corpus.length + 1)]
}
/** Detected as `id` and parsed by its schema: the zod issues, none when it parses. */
const issues = (event: unknown, id: string) =>
  isSourceId(id) ? (schemas[id].safeParse(event).error?.issues ?? []) : ['no such source id']

const maps = { expectedSource, malformedOnPurpose, outOfScope, notYetSupported }

describe('the AWS sample corpora (aws-lambda-go, aws-lambda-dotnet)', () => {
  test('every file is classified exactly once, and every classified file exists', () => {
    const seen = new Map<string, string[]>()
    for (const [map, entries] of Object.entries(maps))
      for (const key of Object.keys(entries)) seen.set(key, [...(seen.get(key) ?? []), map])
    expect(files.filter((key) => !seen.has(key))).toEqual([])
    expect([...seen.keys()].filter((key) => !files.includes(key))).toEqual([])
    expect([...seen].filter(([, where]) => where.length > 1)).toEqual([])
  })

  test.each(Object.entries(expectedSource))('%s is detected as %s and parses', (key, id) => {
    const event = read(key)
    expect(detectSource(event)).toBe(id)
    expect(issues(event, id)).toEqual([])
  })

  test('files malformed on purpose fail with a typed error: the JSON one, or a ParseError at the path', () => {
    for (const [key, entry] of Object.entries(malformedOnPurpose)) {
      const [corpus, name] = split(key)
      if ('notJson' in entry) {
        expect(() => parseJson(sampleText(name, corpus)), key).toThrow(SyntaxError)
        continue
      }
      const event = read(key)
      expect(detectSource(event), key).toBe(entry.id)
      const result = safeParseEvent(schemas[entry.id], event)
      expect(result.success, key).toBe(false)
      if (!result.success) {
        expect(result.error).toBeInstanceOf(ParseError)
        expect(result.error, key).toMatchObject({
          code: 'EVENT_PARSE_FAILED',
          source: entry.id,
          path: entry.path,
        })
      }
    }
  })

  test('out-of-scope files are never mistaken for a source; the AppSync identity fragments parse as one', () => {
    for (const key of Object.keys(outOfScope)) expect(detectSource(read(key)), key).toBeUndefined()
    for (const key of Object.keys(outOfScope).filter((k) => k.includes('appsync-identity')))
      expect(appsyncIdentitySchema.safeParse(read(key)).success, key).toBe(true)
  })

  test('files not supported yet still fail: one that passes must move to expectedSource', () => {
    const passing = Object.keys(notYetSupported).filter((key) => {
      const event = read(key)
      const id = detectSource(event)
      return id !== undefined && issues(event, id).length === 0
    })
    expect(passing).toEqual([])
  })

  test('every sample of a live source is supported: the temporary list is empty', () => {
    expect(notYetSupported).toEqual({})
  })

  test('prints the counts, per corpus and per class', () => {
    const counts = Object.entries(maps).map(([map, entries]) => {
      const keys = Object.keys(entries)
      const per = CORPORA.map((c) => keys.filter((key) => key.startsWith(`${c}/`)).length)
      return `${map} ${keys.length} (${per.join(' + ')})`
    })
    const ids = new Set(Object.values(expectedSource))
    console.log(`${files.length} corpus files (go + dotnet), ${ids.size} source ids: ${counts.join(', ')}`)
    expect(Object.values(maps).reduce((sum, entries) => sum + Object.keys(entries).length, 0)).toBe(
      files.length,
    )
  })
})
