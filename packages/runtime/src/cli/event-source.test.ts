import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { loadEvent } from './event-source.ts'

const dir = mkdtempSync(join(tmpdir(), 'sluice-event-'))
writeFileSync(join(dir, 'ok.json'), '{"name":"Ada"}')
writeFileSync(join(dir, 'bad.json'), '{"name":')
const noInput = Readable.from([])

describe('loadEvent', () => {
  it('reads files, inline JSON and stdin; nothing gives {}', async () => {
    expect(await loadEvent('ok.json', dir, noInput)).toEqual({ name: 'Ada' })
    expect(await loadEvent('[1, 2]', dir, noInput)).toEqual([1, 2])
    expect(await loadEvent('-', dir, Readable.from(['{"a"', ':1}']))).toEqual({ a: 1 })
    expect(await loadEvent(undefined, dir, noInput)).toEqual({})
  })

  it("builds builder: events with @sluice/testing's buildEvent", async () => {
    const event = await loadEvent('builder:sqs?records=3', dir, noInput)
    expect(event).toMatchObject({ Records: expect.any(Array) })
  })

  it.each([
    ['bad.json', 'EVENT_NOT_JSON', /event file bad\.json is not valid JSON/],
    ['missing.json', 'EVENT_FILE_NOT_FOUND', /cannot read event file missing\.json/],
    ['builder:nope', 'EVENT_BUILDER_FAILED', /cannot build event "nope"/],
  ])('rejects %s with %s', async (source, code, message) => {
    const failure = loadEvent(source, dir, noInput)
    await expect(failure).rejects.toThrow(message)
    await expect(failure).rejects.toMatchObject({ code })
  })
})
