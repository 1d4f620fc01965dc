// A handler module for createContainer(): tmp() is created at module scope, once per container.
import { readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { lambda } from '@sluice/core'
import { tmp } from '../src/tmp.ts'

const swept: string[] = []

export const handler = lambda()
  .use(tmp({ warn: (_message, details) => swept.push(...details.paths) }))
  .handler(async (_event, context) => {
    const entriesAtStart = readdirSync(tmpdir())
    writeFileSync(context.tmp.file('a.txt'), 'x')
    return { tmpdir: tmpdir(), dir: context.tmp.dir, entriesAtStart, warned: [...swept] }
  })
