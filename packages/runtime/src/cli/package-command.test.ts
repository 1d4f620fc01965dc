import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIo } from './io.ts'
import { packageCommand } from './package-command.ts'

let cwd: string
let out: string[]
let err: string[]

function io(): CliIo {
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    stdin: (async function* () {})(),
    cwd,
    env: {},
  }
}

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'sluice-package-cli-'))
  out = []
  err = []
  await writeFile(join(cwd, 'greet.mjs'), 'export const main = async (event) => ({ hello: event.name })\n')
})
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

describe('sluice package', () => {
  it('prints the zip path relative to the working directory, its size, the files and the handler to configure', async () => {
    expect(await packageCommand(['greet.mjs#main', '--out', 'dist'], io())).toBe(0)
    const zipBytes = (await stat(join(cwd, 'dist', 'greet.zip'))).size
    const [first, ...rest] = out.join('').trimEnd().split('\n')
    expect(first).toMatch(new RegExp(`^dist/greet\\.zip  ${zipBytes} B \\(\\d+(\\.\\d)? (B|kB) unzipped\\)$`))
    expect(rest[0]).toMatch(/^ {2}index\.mjs {2}\d/)
    expect(rest[1]).toMatch(/^ {2}index\.mjs\.map {2}\d/)
    expect(rest.at(-1)).toBe('handler: index.main  (runtime nodejs24.x)')
    expect(err).toEqual([])
  })

  it('--json prints the result document and nothing else', async () => {
    expect(await packageCommand(['greet.mjs#main', '-o', 'dist', '--name', 'hello', '--json'], io())).toBe(0)
    const result = JSON.parse(out.join(''))
    expect(result).toMatchObject({
      zipPath: join(cwd, 'dist', 'hello.zip'),
      handler: 'index.main',
      warnings: [],
    })
    expect(result.files.map((file: { path: string }) => file.path)).toEqual(['index.mjs', 'index.mjs.map'])
  })

  it('refuses an unknown flag with INVALID_ARGUMENT', async () => {
    await expect(
      packageCommand(['greet.mjs', '--out', 'dist', '--minify=false'], io()),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('run sluice --help for the options'),
    })
  })
})
