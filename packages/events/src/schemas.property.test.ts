import { events } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { schemaSites, setAt } from '../test-support/schema-sites.ts'
import { safeParseEvent } from './parse-event.ts'
import { type SourceId, schemas, sourceIds } from './sources.ts'

// as Lambda delivers it: JSON, so no two fields share one object (a builder may reuse one, structuredClone keeps that)
const full = (id: SourceId): unknown => JSON.parse(JSON.stringify((events[id] as () => unknown)()))

const failure = (id: SourceId, event: unknown) => {
  const result = safeParseEvent(schemas[id], event)
  return result.success ? undefined : result.error.message
}

describe('every schema follows the policy on a full generated event', () => {
  test.each(sourceIds)(
    '%s: any optional or nullable fields removed or nulled, unknown enum values: still parses',
    (id) => {
      const event = full(id)
      expect(failure(id, event)).toBeUndefined()
      const { fields, openEnums } = schemaSites(schemas[id], event)
      const change = fc.record({
        fields: fc.subarray(fields),
        toNull: fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length }),
        enums: fc.subarray(openEnums),
        unknown: fc.string({ minLength: 1, maxLength: 12 }),
      })
      fc.assert(
        fc.property(change, (picked) => {
          const copy = structuredClone(event)
          picked.fields.forEach((site, i) => {
            const toNull = site.nullable && (!site.optional || picked.toNull[i] === true)
            setAt(copy, site.path, toNull ? null : undefined)
          })
          for (const path of picked.enums) setAt(copy, path, `${picked.unknown}-unknown`)
          expect(failure(id, copy)).toBeUndefined()
        }),
        { numRuns: 200 },
      )
    },
  )

  test('the walk finds what the schemas declare: optional, nullable and open-enum sites', () => {
    const connect = schemaSites(schemas['connect-contact-flow'], full('connect-contact-flow'))
    const paths = connect.fields.map((site) => site.path.join('.'))
    expect(paths).toContain('Details.ContactData.Queue')
    expect(connect.fields.find((site) => site.path.at(-1) === 'Queue')).toMatchObject({
      nullable: true,
      optional: true,
    })
    expect(connect.openEnums.map((path) => path.join('.'))).toEqual(
      expect.arrayContaining(['Name', 'Details.ContactData.Channel', 'Details.ContactData.InitiationMethod']),
    )
    const iot = schemaSites(schemas['iot-custom-authorizer'], full('iot-custom-authorizer'))
    expect(iot.openEnums).toHaveLength(3)
    expect(iot.fields.map((site) => site.path.join('.'))).toContain('protocolData.mqtt.clientId')
  })
})
