import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, test } from 'vitest'
import { runSluice } from '../runtime/process-helpers.ts'

// The root README's "Your own function" shows handler.ts, handler.test.ts and event.json from this folder,
// verbatim; handler.test.ts runs with the rest of the suite, and the commands the README gives run here.
const here = fileURLToPath(new URL('.', import.meta.url))
const readme = () => readFile(new URL('../../README.md', import.meta.url), 'utf8')
const file = (name: string) => readFile(join(here, name), 'utf8')

/** `npx sluice …` in this folder: the workspace's CLI on the Node running the tests. */
const sluice = (args: readonly string[]) => runSluice(args, here)

const scratch: string[] = []
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('README: your own function', () => {
  test.each([
    ['handler.ts', 'ts'],
    ['handler.test.ts', 'ts'],
    ['event.json', 'json'],
  ])('shows %s as it is in test/own-function', async (name, lang) => {
    expect(await readme()).toContain(`\`${name}\`:\n\n\`\`\`${lang}\n${await file(name)}\`\`\``)
  })

  test('shows the commands this test runs', async () => {
    const text = await readme()
    expect(text).toContain('npx sluice invoke handler.ts#handler --event event.json\n')
    expect(text).toContain('npx sluice package handler.ts#handler --out dist\n')
  })

  test('npx sluice invoke handler.ts#handler --event event.json runs it under the Lambda runtime client', async () => {
    const run = await sluice(['invoke', 'handler.ts#handler', '--event', 'event.json', '--json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const { invocations } = JSON.parse(run.stdout) as { invocations: Array<{ result: unknown }> }
    expect(invocations.map((invocation) => invocation.result)).toEqual([{ count: 1, total: 250, cold: true }])
  })

  test('npx sluice package handler.ts#handler --out dist writes dist/handler.zip with index.mjs at its root', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sluice-own-function-'))
    scratch.push(out)
    const run = await sluice(['package', 'handler.ts#handler', '--out', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('handler: index.handler')
    const entries = unzipSync(new Uint8Array(await readFile(join(out, 'handler.zip'))))
    expect(Object.keys(entries)).toContain('index.mjs')
  })
})
