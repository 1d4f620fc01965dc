import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from './load-config.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-config-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const write = (name: string, text: string) => writeFileSync(join(dir, name), text)

describe('loadConfig', () => {
  it('finds sluice.config.mjs in the folder and resolves handlers from the file’s folder', async () => {
    write('sluice.config.mjs', `export default { functions: { hello: { handler: 'hello.mjs#handler' } } }`)
    const loaded = await loadConfig(undefined, dir)
    expect(loaded).toEqual({
      config: { functions: { hello: { handler: 'hello.mjs#handler' } } },
      file: join(dir, 'sluice.config.mjs'),
      dir,
    })
  })

  it('loads the path it is given', async () => {
    write('dev.config.mjs', `export default { functions: { a: { handler: 'a.mjs' } }, timeScale: 10 }`)
    expect((await loadConfig('dev.config.mjs', dir)).config.timeScale).toBe(10)
  })

  it('no config: DEV_CONFIG_NOT_FOUND naming where it looked', async () => {
    await expect(loadConfig(undefined, dir)).rejects.toMatchObject({
      code: 'DEV_CONFIG_NOT_FOUND',
      message: expect.stringContaining(
        `no sluice.config.ts, sluice.config.mts, sluice.config.mjs, sluice.config.js in ${dir}`,
      ),
    })
    await expect(loadConfig('missing.ts', dir)).rejects.toMatchObject({ code: 'DEV_CONFIG_NOT_FOUND' })
  })

  it('a config that throws, exports nothing or exports a bad config: DEV_CONFIG_INVALID', async () => {
    write('throws.mjs', `throw new Error('boom')`)
    const thrown = await loadConfig('throws.mjs', dir).catch((error: unknown) => error)
    expect(thrown).toMatchObject({
      code: 'DEV_CONFIG_INVALID',
      message: expect.stringContaining('failed to load (boom)'),
    })
    expect((thrown as Error).cause).toEqual(new Error('boom'))
    write('none.mjs', `export const config = {}`)
    await expect(loadConfig('none.mjs', dir)).rejects.toMatchObject({
      message: expect.stringContaining('has no default export'),
    })
    write('bad.mjs', `export default { functions: { a: { handler: 1 } } }`)
    await expect(loadConfig('bad.mjs', dir)).rejects.toMatchObject({
      code: 'DEV_CONFIG_INVALID',
      message: expect.stringMatching(/^functions\.a\.handler is missing/),
    })
  })
})
