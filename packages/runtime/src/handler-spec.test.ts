import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHandlerSpec } from './handler-spec.ts'

const dir = mkdtempSync(join(tmpdir(), 'sluice-spec-'))
writeFileSync(join(dir, 'handler.ts'), 'export const handler = () => 1\n')
writeFileSync(join(dir, 'my.handler.mjs'), 'export const handler = () => 1\n')
writeFileSync(join(dir, 'notes.txt'), '')

describe('parseHandlerSpec', () => {
  it('resolves file#export against cwd', () => {
    const spec = parseHandlerSpec('handler.ts#main', dir)
    expect(spec).toMatchObject({ file: join(dir, 'handler.ts'), exportName: 'main', moduleName: 'handler' })
    expect(spec.url).toBe(`file://${join(dir, 'handler.ts')}`)
  })

  it('defaults the export to handler and keeps module names free of dots', () => {
    expect(parseHandlerSpec('my.handler.mjs', dir)).toMatchObject({
      exportName: 'handler',
      moduleName: 'my_handler',
    })
  })

  it.each([
    ['#handler', 'HANDLER_SPEC_INVALID'],
    ['handler.ts#', 'HANDLER_SPEC_INVALID'],
    ['handler.ts#not-an-identifier', 'HANDLER_SPEC_INVALID'],
    ['notes.txt#handler', 'HANDLER_SPEC_INVALID'],
    ['missing.ts#handler', 'HANDLER_FILE_NOT_FOUND'],
  ])('rejects %s with %s', (raw, code) => {
    expect(() => parseHandlerSpec(raw, dir)).toThrow(expect.objectContaining({ code }))
  })
})
