import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type Corpus, corpusFiles, sampleText } from '../../../../test/fixtures/corpora/load.ts'
import { precompiledFile, precompiledModule, precompiledName } from '../../scripts/precompile.ts'
import { setAt } from '../../test-support/schema-sites.ts'
import { ParseError } from '../errors.ts'
import { parseJson } from '../json.ts'
import { parse } from '../parse.ts'
import { parseEvent } from '../parse-event.ts'
import { builtInSource, sourceSchema } from '../source-schema.ts'
import { type SourceId, schemas, sourceIds } from '../sources.ts'
import * as precompiled from './precompiled.ts'

const { INVALID } = precompiled
const generated = new Map(
  Object.entries(precompiled).filter(
    (entry): entry is [string, precompiled.Precompiled] => typeof entry[1] === 'function',
  ),
)
const withValidator = sourceIds.filter((id) => generated.has(precompiledName(id)))

// Every sample of both AWS corpora, whatever source it is (or none): each is a valid event of some source and an
// invalid one of most others, so every validator meets both answers.
const CORPORA: readonly Corpus[] = ['aws-lambda-go', 'aws-lambda-dotnet']
const samples = CORPORA.flatMap((corpus) =>
  corpusFiles(corpus).flatMap((name) => {
    try {
      return [{ key: `${corpus}/${name}`, event: parseJson(sampleText(name, corpus)) }]
    } catch {
      return [] // malformed on purpose
    }
  }),
)

// zod's interpreter (no compiled code) is the independent answer each validator must agree with.
const accepts = (id: SourceId, event: unknown) => schemas[id].safeParse(event).success
const validates = (id: SourceId, event: unknown) => {
  const validator = builtInSource(schemas[id])?.precompiled
  if (validator === undefined) throw new Error(`${id} has no precompiled validator`)
  return validator(event) !== INVALID
}

describe('precompiled validators (schemas/precompiled.ts)', () => {
  test('a valid event is parsed without building the zod schema; an invalid one builds it to name the issue', async () => {
    let builds = 0
    const counted = sourceSchema('s3', precompiled.validS3, () => {
      builds += 1
      return schemas.s3
    })
    const event = samples.find(({ key }) => key === 'aws-lambda-go/s3-event.json')?.event
    expect(parseEvent(counted, event)).toBe(event)
    const middleware = parse(counted)
    const request = { event, context: {}, response: undefined, error: undefined, internal: {} }
    await middleware.before?.(request as never)
    expect(request.event).toBe(event)
    expect(builds).toBe(0)
    expect(() => parseEvent(counted, { Records: [{ eventSource: 'aws:s3' }] })).toThrow(ParseError)
    expect(builds).toBe(1)
  })

  test('the file is what scripts/precompile.ts writes with the installed zod (else run `pnpm --filter @sluice/events precompile`)', () => {
    expect(readFileSync(precompiledFile, 'utf8')).toBe(precompiledModule())
  })

  test('each source is wired to its own validator, and a source left out of the file has none', () => {
    expect(withValidator.length).toBeGreaterThan(sourceIds.length / 2)
    for (const id of sourceIds)
      expect(builtInSource(schemas[id])?.precompiled, id).toBe(generated.get(precompiledName(id)))
  })

  test("every validator agrees with zod's interpreter on every AWS sample", () => {
    expect(samples.length).toBeGreaterThan(100)
    let accepted = 0
    for (const id of withValidator)
      for (const { key, event } of samples) {
        const answer = accepts(id, event)
        expect(validates(id, event), `${id} on ${key}`).toBe(answer)
        if (answer) accepted++
      }
    expect(accepted).toBeGreaterThan(withValidator.length)
  })

  test("every validator agrees with zod's interpreter on samples with one value changed or removed", () => {
    const leaves = (value: unknown, path: Array<string | number> = []): Array<Array<string | number>> => {
      if (typeof value !== 'object' || value === null) return [path]
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
      return [path, ...entries.flatMap(([key, child]) => leaves(child, [...path, key]))]
    }
    const changed = (event: unknown, path: Array<string | number>, replacement: unknown) => {
      if (path.length === 0) return replacement
      const copy = structuredClone(event)
      setAt(copy, path, replacement)
      return copy
    }
    const valid = withValidator.flatMap((id) =>
      samples.filter(({ event }) => accepts(id, event)).map(({ event }) => ({ id, event })),
    )
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string({ maxLength: 8 }),
      fc.double(),
      fc.boolean(),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
    )
    const mutated = fc
      .constantFrom(...valid)
      .chain(({ id, event }) =>
        fc
          .tuple(fc.constantFrom(...leaves(event)), replacement)
          .map(([path, value]) => ({ id, event: changed(event, path, value) })),
      )
    fc.assert(
      fc.property(mutated, ({ id, event }) => validates(id, event) === accepts(id, event)),
      { numRuns: 2_000 },
    )
  })
})
