import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lambda } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { betweenInvocations } from '../test-support/between-invocations.ts'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import type { StrayPolicy } from './options.ts'
import { tmp } from './tmp.ts'

const makeRoot = privateRoots()

/** A handler that writes a file, a directory and a link straight into the root, plus a cache file it keeps. */
const leaky = (root: string, strays: StrayPolicy, outside: string) => {
  const { warn, warnings } = recorder()
  const handler = lambda()
    .use(tmp({ root, strays, warn, keep: ['assets', '*.sqlite'] }))
    .handler((_event, context) => {
      writeFileSync(context.tmp.file('fine.txt'), 'inside the scratch')
      writeFileSync(join(root, 'report.pdf'), 'stray')
      mkdirSync(join(root, 'unzipped'))
      writeFileSync(join(root, 'unzipped', 'a.txt'), 'stray')
      symlinkSync(outside, join(root, 'link-out'))
      mkdirSync(join(root, 'assets'), { recursive: true })
      writeFileSync(join(root, 'assets', 'font.woff2'), 'kept')
      writeFileSync(join(root, 'orders.sqlite'), 'kept')
    })
  return { handler, warnings }
}

const setUp = () => {
  const root = makeRoot()
  const outside = makeRoot()
  writeFileSync(join(outside, 'precious.txt'), 'keep me')
  writeFileSync(join(root, 'existing.txt'), 'was there before')
  return { root, outside }
}

describe('strays', () => {
  test("'warn' reports what the invocation left in the root, kept entries and older ones aside, and removes nothing", async () => {
    const { root, outside } = setUp()
    const { handler, warnings } = leaky(root, 'warn', outside)
    await invoke(handler, {})
    await betweenInvocations()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.code).toBe('TMP_STRAYS')
    expect([...(warnings[0]?.paths ?? [])].sort()).toEqual(
      ['link-out', 'report.pdf', 'unzipped'].map((name) => join(root, name)),
    )
    expect(readdirSync(root).sort()).toEqual([
      'assets',
      'existing.txt',
      'link-out',
      'orders.sqlite',
      'report.pdf',
      'unzipped',
    ])
  })

  test("'delete' removes them (a link, not its target) and says so; kept and older entries stay", async () => {
    const { root, outside } = setUp()
    const { handler, warnings } = leaky(root, 'delete', outside)
    await invoke(handler, {})
    await betweenInvocations()
    expect(readdirSync(root).sort()).toEqual(['assets', 'existing.txt', 'orders.sqlite'])
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
    expect(warnings.map((w) => [w.code, w.paths.length])).toEqual([['TMP_STRAYS_DELETED', 3]])
  })

  test("'ignore' neither reports nor removes", async () => {
    const { root, outside } = setUp()
    const { handler, warnings } = leaky(root, 'ignore', outside)
    await invoke(handler, {})
    await betweenInvocations()
    expect(warnings).toEqual([])
    expect(existsSync(join(root, 'report.pdf'))).toBe(true)
  })

  test('strays of a failed invocation are handled too; entries the invocation removed are not strays', async () => {
    const { root } = setUp()
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, strays: 'delete', warn }))
      .handler(() => {
        unlinkSync(join(root, 'existing.txt'))
        writeFileSync(join(root, 'crash.dump'), 'stray')
        throw new Error('crashed')
      })
    await expect(invoke(handler, {})).rejects.toThrow()
    await betweenInvocations()
    expect(readdirSync(root)).toEqual([])
    expect(warnings).toMatchObject([{ code: 'TMP_STRAYS_DELETED', paths: [join(root, 'crash.dump')] }])
  })

  test('each warm invocation is charged only with what it added', async () => {
    const root = makeRoot()
    const { warn, warnings } = recorder()
    const handler = lambda<{ name: string }>()
      .use(tmp({ root, warn }))
      .handler((event) => writeFileSync(join(root, event.name), 'stray'))
    for (const name of ['first.log', 'second.log', 'second.log']) {
      await invoke(handler, { name })
      await betweenInvocations()
    }
    expect(warnings.map((w) => w.paths)).toEqual([[join(root, 'first.log')], [join(root, 'second.log')]])
  })

  test('a clean invocation gives no warning', async () => {
    const { root } = setUp()
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, warn }))
      .handler((_event, context) => writeFileSync(context.tmp.file('a'), 'x'))
    for (let i = 0; i < 3; i++) {
      await invoke(handler, {})
      await betweenInvocations()
    }
    expect(warnings).toEqual([])
  })

  test('a stray written before the handler waits for I/O is reported by the end of its own invocation', async () => {
    const root = makeRoot()
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, warn }))
      .handler(async () => {
        writeFileSync(join(root, 'early.log'), 'stray')
        await readFile(join(root, 'early.log'))
        return warnings.length
      })
    expect(await invoke(handler, {})).toBe(0)
    expect(warnings.map((w) => w.paths)).toEqual([[join(root, 'early.log')]])
  })

  test("one written just before returning is reported once the event loop turns, through that invocation's logger", async () => {
    const root = makeRoot()
    const logged: Array<{ id: unknown; paths: unknown }> = []
    const handler = lambda<{ id: string; name?: string }>()
      .use({
        before: (request) => {
          const { id } = request.event as { id: string }
          const log = { warn: (details: { paths: unknown }) => logged.push({ id, paths: details.paths }) }
          Object.assign(request.context, { log })
        },
      })
      .use(tmp({ root }))
      .handler((event) => {
        if (event.name) writeFileSync(join(root, event.name), 'stray')
      })
    await invoke(handler, { id: 'a', name: 'last-moment.log' })
    expect(logged).toEqual([])
    await betweenInvocations()
    await invoke(handler, { id: 'b' })
    await betweenInvocations()
    expect(logged).toEqual([{ id: 'a', paths: [join(root, 'last-moment.log')] }])
  })
})
