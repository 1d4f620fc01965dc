import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectIncludes } from './include.ts'
import { packageHandler } from './package-handler.ts'

let app: string

beforeEach(async () => {
  app = await mkdtemp(join(tmpdir(), 'sluice-package-'))
  await mkdir(join(app, 'src', 'templates', 'mail'), { recursive: true })
  await writeFile(join(app, 'src', 'orders.mjs'), 'export const main = async () => ({ ok: true })\n')
  await writeFile(join(app, 'src', 'templates', 'mail', 'welcome.html'), '<p>hi</p>')
  await writeFile(join(app, 'src', 'templates', 'receipt.html'), '<p>receipt</p>')
  await writeFile(join(app, 'src', 'ca.pem'), 'PEM')
  await writeFile(join(app, 'secret.env'), 'KEY=1')
})
afterEach(async () => {
  await rm(app, { recursive: true, force: true })
})

describe('packageHandler', () => {
  it('writes <out>/<name>.zip with index.mjs at the root and says which handler to configure', async () => {
    const result = await packageHandler({ handler: 'src/orders.mjs#main', outDir: 'dist', cwd: app })
    expect(result.zipPath).toBe(join(app, 'dist', 'orders.zip'))
    expect(result.handler).toBe('index.main')
    expect(result.files.map((file) => file.path)).toEqual(['index.mjs', 'index.mjs.map'])
    const zip = new Uint8Array(await readFile(result.zipPath))
    expect(zip.byteLength).toBe(result.zipBytes)
    const entries = unzipSync(zip)
    expect(Object.keys(entries).sort()).toEqual(['index.mjs', 'index.mjs.map'])
    expect(result.unzippedBytes).toBe(
      Object.values(entries).reduce((sum, bytes) => sum + bytes.byteLength, 0),
    )
    expect(result.warnings).toEqual([])
  })

  it('adds included files at their path from the handler directory', async () => {
    const result = await packageHandler({
      handler: 'src/orders.mjs#main',
      outDir: 'dist',
      name: 'orders-v2',
      include: ['templates', '*.pem'],
      cwd: app,
    })
    expect(result.zipPath).toBe(join(app, 'dist', 'orders-v2.zip'))
    const entries = unzipSync(new Uint8Array(await readFile(result.zipPath)))
    expect(Object.keys(entries).sort()).toEqual([
      'ca.pem',
      'index.mjs',
      'index.mjs.map',
      'templates/mail/welcome.html',
      'templates/receipt.html',
    ])
    expect(new TextDecoder().decode(entries['templates/mail/welcome.html'])).toBe('<p>hi</p>')
  })

  it.each(['../x', 'a/b', '..', ''])('refuses the zip name %j', async (name) => {
    await expect(
      packageHandler({ handler: 'src/orders.mjs#main', outDir: 'dist', name, cwd: app }),
    ).rejects.toMatchObject({ code: 'RUNTIME_INVALID_OPTION' })
  })
})

describe('collectIncludes', () => {
  it('refuses a pattern that matches nothing, and one that reaches outside the handler directory', async () => {
    await expect(collectIncludes(['fonts/**'], join(app, 'src'))).rejects.toMatchObject({
      code: 'INCLUDE_NOT_FOUND',
      message: expect.stringContaining('matches no file'),
    })
    await expect(collectIncludes(['../secret.env'], join(app, 'src'))).rejects.toMatchObject({
      code: 'INCLUDE_NOT_FOUND',
      message: expect.stringContaining('outside'),
    })
  })
})
