import { execFile } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle } from '../../bench/cold-start/bundle.ts'

// The examples promise that heavy dependencies load only when used. Bundled as for Lambda (esbuild, code
// splitting), what a handler reads at import must not hold them; they must still be in the bundle, lazily.
const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const XRAY = '/node_modules/aws-xray-sdk-core/'
const sdk = (client: string) => `/node_modules/@aws-sdk/client-${client}/`

let out: string
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'sluice-heavy-deps-'))
})
afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

const run = promisify(execFile)
const holds = (inputs: readonly string[], marker: string) => inputs.some((input) => input.includes(marker))

describe('heavy dependencies load only when used (bundled examples)', () => {
  it.each([
    ['sqs-orders', [XRAY, sdk('dynamodb')]],
    ['http-api', [XRAY]],
    ['s3-thumbnails', [sdk('s3')]],
  ])('%s: not read at import, but bundled for when it is used', async (app, heavy) => {
    const built = await bundle(join(examples, app, 'handler.ts'), join(out, app))

    for (const marker of heavy) {
      expect(holds(built.importInputs, marker), `${marker} at import`).toBe(false)
      expect(holds(built.lazyInputs, marker), `${marker} in a lazy chunk`).toBe(true)
    }
    expect(holds(built.importInputs, '/node_modules/@aws-sdk/'), 'any AWS SDK client at import').toBe(false)
  })

  // @sluice/events' precompiled validators are one generated file of every source's; a bundle keeps only those of
  // the schemas the handler imports (the events README's promise), so a change that defeats tree-shaking there
  // (a top-level call with side effects, say) would add the whole file to every function that parses an event.
  it('s3-thumbnails keeps only its own precompiled validators', async () => {
    const built = await bundle(join(examples, 's3-thumbnails', 'handler.ts'), join(out, 's3-validators'))
    const file = fileURLToPath(new URL('../../packages/events/src/schemas/precompiled.ts', import.meta.url))
    const kept = Object.entries(built.inputBytes)
      .filter(([input]) => input.endsWith('packages/events/src/schemas/precompiled.ts'))
      .reduce((sum, [, bytes]) => sum + bytes, 0)
    expect(kept, 'the S3 validators are bundled').toBeGreaterThan(0)
    expect(kept, 'no more than the S3 ones').toBeLessThan((await stat(file)).size / 20)
  })

  // Every envelope's module reaches @sluice/events' gunzip, and only CloudWatch Logs subscriptions decompress.
  it.each(['http-api', 'sqs-orders'])('%s: Node loads no zlib at import', async (app) => {
    const built = await bundle(join(examples, app, 'handler.ts'), join(out, `${app}-builtins`))
    const probe = `await import(${JSON.stringify(pathToFileURL(built.file).href)}); process.stdout.write(JSON.stringify(process.moduleLoadList))`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], {
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
    })
    const loaded = JSON.parse(stdout) as string[]
    expect(loaded).toContain('NativeModule fs')
    expect(loaded).not.toContain('NativeModule zlib')
  })
})
