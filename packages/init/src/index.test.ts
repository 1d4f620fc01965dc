import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'

// Runs in a fresh Node process whose module resolution is watched, so "no SDK" means no SDK module was resolved.
const script = `
import { registerHooks } from 'node:module'
const resolved = []
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); resolved.push(r.url); return r } })
const init = await import(process.argv[1])
const ssm = await import(process.argv[2])
await import(process.argv[3])
init.once(() => 1)()
init.awaitInit({ caches: {} })
await init.cached(() => 1, { ttlMs: 1000 })()
const sdk = () => resolved.filter((url) => url.includes('@aws-sdk/')).length
const before = sdk()
const clientConfig = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', maxAttempts: 1,
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }
await ssm.ssmParameters(['/a'], { ttlMs: 1000, clientConfig })().catch(() => {})
console.log(JSON.stringify({ before, after: sdk() }))
`

describe('@sluice/init entry point', () => {
  test('importing every entry and using once, cached and awaitInit loads no AWS SDK code; ssmParameters loads it on first use', async () => {
    const entries = ['./index.ts', './ssm.ts', './secrets.ts'].map(
      (entry) => new URL(entry, import.meta.url).href,
    )
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, ...entries],
      {
        timeout: 15_000,
      },
    )
    const { before, after } = JSON.parse(stdout) as { before: number; after: number }
    expect(before).toBe(0)
    expect(after).toBeGreaterThan(0)
  })
})
