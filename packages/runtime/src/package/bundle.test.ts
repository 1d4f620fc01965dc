import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bundleHandler } from './bundle.ts'

const run = promisify(execFile)
let source: string
let out: string

// A CommonJS dependency that does what pino and the X-Ray SDK do: require a built-in, read __dirname.
const LEGACY_CJS = `const os = require('node:os')
module.exports = { platform: () => os.platform(), dir: () => __dirname, file: () => __filename }
`
const HANDLER = `import legacy from './legacy.cjs'
export const handler = async () => ({ platform: legacy.platform(), dir: legacy.dir(), file: legacy.file() })
export const s3 = () => import('@aws-sdk/client-s3')
`

beforeEach(async () => {
  source = await mkdtemp(join(tmpdir(), 'sluice-bundle-src-'))
  out = await mkdtemp(join(tmpdir(), 'sluice-bundle-out-'))
  await writeFile(join(source, 'legacy.cjs'), LEGACY_CJS)
  await writeFile(join(source, 'handler.mjs'), HANDLER)
})
afterEach(async () => {
  await rm(source, { recursive: true, force: true })
  await rm(out, { recursive: true, force: true })
})

describe('bundleHandler', () => {
  it('bundles CommonJS that requires built-ins and reads __dirname into one ES module that runs', async () => {
    const { files, exports } = await bundleHandler({
      entry: join(source, 'handler.mjs'),
      exportName: 'handler',
    })
    expect(files.map((file) => file.path).sort()).toEqual(['index.mjs', 'index.mjs.map'])
    expect([...exports].sort()).toEqual(['handler', 's3'])
    for (const file of files) await writeFile(join(out, file.path), file.contents)

    // a separate Node process with nothing but the bundle: no node_modules, the source directory gone
    await rm(source, { recursive: true, force: true })
    const script = `const m = await import(${JSON.stringify(join(out, 'index.mjs'))}); console.log(JSON.stringify(await m.handler()))`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script])
    expect(JSON.parse(stdout)).toEqual({
      platform: process.platform,
      dir: out,
      file: join(out, 'index.mjs'),
    })
  })

  it('links a source map whose sources are the original files', async () => {
    const { files } = await bundleHandler({ entry: join(source, 'handler.mjs'), exportName: 'handler' })
    const byPath = new Map(files.map((file) => [file.path, new TextDecoder().decode(file.contents)]))
    expect(byPath.get('index.mjs')).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/)
    const map = JSON.parse(byPath.get('index.mjs.map') ?? '{}')
    expect(map.sources).toEqual(expect.arrayContaining(['handler.mjs', 'legacy.cjs']))
    expect(map.sourcesContent).toBeUndefined()
  })

  it('leaves the AWS SDK to the runtime, and bundles it with bundleSdk', async () => {
    const entry = join(source, 'handler.mjs')
    const { files } = await bundleHandler({ entry, exportName: 'handler' })
    const code = new TextDecoder().decode(files.find((file) => file.path === 'index.mjs')?.contents)
    expect(code).toContain('import("@aws-sdk/client-s3")')
    // bundled, it must resolve: there is no SDK beside this handler, so esbuild says so
    await expect(bundleHandler({ entry, exportName: 'handler', bundleSdk: true })).rejects.toMatchObject({
      code: 'BUNDLE_FAILED',
      message: expect.stringMatching(/Could not resolve "@aws-sdk\/client-s3"/),
    })
  })

  it('refuses an export the module does not have, naming those it has', async () => {
    await expect(
      bundleHandler({ entry: join(source, 'handler.mjs'), exportName: 'main' }),
    ).rejects.toMatchObject({
      code: 'HANDLER_EXPORT_MISSING',
      message: expect.stringContaining('(exports: handler, s3)'),
    })
  })

  it('refuses an import that does not resolve with BUNDLE_FAILED on one line', async () => {
    await writeFile(
      join(source, 'broken.mjs'),
      "import { x } from './missing.mjs'\nexport const handler = x\n",
    )
    const attempt = bundleHandler({ entry: join(source, 'broken.mjs'), exportName: 'handler' })
    await expect(attempt).rejects.toMatchObject({
      code: 'BUNDLE_FAILED',
      message: expect.stringMatching(/^cannot bundle .*broken\.mjs: .*Could not resolve "\.\/missing\.mjs"$/),
    })
  })
})
