import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { parseEvent } from './parse-event.ts'
import { sourceOf } from './source-schema.ts'
import { schemas, sourceIds } from './sources.ts'

describe('sourceOf', () => {
  it('gives every built-in schema the id it has in the schemas table', () => {
    for (const id of sourceIds) expect(sourceOf(schemas[id]), id).toBe(id)
  })

  it('knows no source for a schema of your own, even one built from a built-in', () => {
    expect(sourceOf(z.object({ orderId: z.string() }))).toBeUndefined()
    expect(sourceOf(z.array(schemas.sqs))).toBeUndefined()
  })

  it('lets parseEvent name the source in its error without the schemas table', () => {
    expect(() => parseEvent(schemas.sqs, { Records: 'nope' })).toThrow(
      expect.objectContaining({ code: 'EVENT_PARSE_FAILED', source: 'sqs' }),
    )
  })
})
