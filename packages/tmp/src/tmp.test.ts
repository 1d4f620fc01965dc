import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import middy from '@middy/core'
import { lambda, lifecycle } from '@sluice/core'
import { createContainer, createContext, hang, invoke, TIMEOUT_ERROR_TYPE } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { betweenInvocations } from '../test-support/between-invocations.ts'
import { privateRoots, rootWithOutside } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import { TmpError } from './errors.ts'
import { tmp } from './tmp.ts'

const makeRoot = privateRoots()

afterEach(() => {
  vi.useRealTimers()
})

describe('tmp()', () => {
  test('each invocation gets a private scratch that is gone once it succeeded', async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root }))
      .handler(async (_event, context) => {
        writeFileSync(context.tmp.file('out.txt'), 'result')
        return { dir: context.tmp.dir, during: readdirSync(root), used: await context.tmp.bytesUsed() }
      })
    const first = await invoke(handler, {})
    const second = await invoke(handler, {})
    expect(first.during).toHaveLength(1)
    expect(first.used).toBe(6)
    expect(second.dir).not.toBe(first.dir)
    expect(existsSync(first.dir)).toBe(false)
    expect(readdirSync(root)).toEqual([])
  })

  test('the scratch is removed when the handler throws, and the error is the handler’s', async () => {
    const root = makeRoot()
    let dir = ''
    const handler = lambda()
      .use(tmp({ root }))
      .handler((_event, context) => {
        dir = context.tmp.dir
        writeFileSync(context.tmp.file('half.bin'), 'x')
        throw new Error('render failed')
      })
    await expect(invoke(handler, {})).rejects.toMatchObject({
      lambdaError: { errorMessage: 'render failed' },
    })
    expect(dir).not.toBe('')
    expect(existsSync(dir)).toBe(false)
  })

  test('an unused scratch creates nothing', async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root }))
      .handler(() => readdirSync(root))
    expect(await invoke(handler, {})).toEqual([])
    expect(readdirSync(root)).toEqual([])
  })

  test('a timed-out invocation runs no hook; its scratch is swept by the next invocation', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const root = makeRoot()
    const { warn, warnings } = recorder()
    let started: () => void = () => {}
    const hung = new Promise<void>((resolve) => {
      started = resolve
    })
    const handler = lambda<{ hang: boolean }>()
      .use(tmp({ root, warn }))
      .handler(async (event, context) => {
        writeFileSync(context.tmp.file('partial.bin'), 'x')
        if (event.hang) {
          started()
          await hang()
        }
        return 'done'
      })
    const outcome = invoke(handler, { hang: true }, { timeoutMs: 1_000 }).catch((error: unknown) => error)
    await hung
    const [leftover] = readdirSync(root)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await outcome).toMatchObject({ lambdaError: { errorType: TIMEOUT_ERROR_TYPE } })
    expect(readdirSync(root)).toEqual([leftover])

    expect(await invoke(handler, { hang: false }, { timeoutMs: 1_000 })).toBe('done')
    expect(readdirSync(root)).toEqual([])
    expect(warnings).toMatchObject([{ code: 'TMP_LEFTOVERS_SWEPT', paths: [join(root, leftover ?? '')] }])
  })

  test('a scratch replaced by a link: the link is removed, its target is not, and it is reported', async () => {
    const { root, outside } = rootWithOutside(makeRoot)
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, warn }))
      .handler((_event, context) => {
        const dir = context.tmp.dir
        rmSync(dir, { recursive: true })
        symlinkSync(outside, dir)
      })
    await invoke(handler, {})
    expect(readdirSync(root)).toEqual([])
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
    expect(warnings.map((w) => w.code)).toEqual(['TMP_SCRATCH_REPLACED'])
  })

  test('the root is os.tmpdir() of each container, so a TMPDIR set for the container applies', async () => {
    const roots = [makeRoot(), makeRoot()]
    const results = []
    for (const root of roots) {
      const container = createContainer<unknown, { tmpdir: string; dir: string }>({
        module: new URL('../test-support/scratch-handler.ts', import.meta.url),
        env: { TMPDIR: root },
      })
      results.push(await container.invoke({}))
      await container.dispose()
      expect(readdirSync(root)).toEqual([])
    }
    expect(results.map((r) => r.tmpdir)).toEqual(roots)
    expect(results[0]?.dir.startsWith(`${roots[0]}/sluice-scratch-`)).toBe(true)
  })

  test('warnings go to context.log when a logger put one there', async () => {
    const root = makeRoot()
    const logged: Array<{ details: unknown; message: string }> = []
    const log = { warn: (details: unknown, message: string) => logged.push({ details, message }) }
    const handler = lambda()
      .use({ before: (request) => void Object.assign(request.context, { log }) })
      .use(tmp({ root }))
      .handler(() => writeFileSync(join(root, 'stray.txt'), 'x'))
    await invoke(handler, {})
    await betweenInvocations()
    expect(logged).toMatchObject([{ details: { code: 'TMP_STRAYS', paths: [join(root, 'stray.txt')] } }])
    expect(logged[0]?.message).toContain('stray.txt')
  })

  test('works in plain middy, with or without lifecycle()', async () => {
    const root = makeRoot()
    const seen: string[] = []
    const body = async (_event: unknown, context: { tmp?: { file(name: string): string } }) => {
      const path = context.tmp?.file('x.txt') ?? ''
      writeFileSync(path, 'x')
      seen.push(path)
    }
    await middy().use(lifecycle()).use(tmp({ root })).handler(body)({}, createContext())
    await middy().use(tmp({ root })).handler(body)({}, createContext())
    expect(seen).toHaveLength(2)
    expect(seen.some((path) => existsSync(path))).toBe(false)
    expect(readdirSync(root)).toEqual([])
  })

  test('bad options fail at creation with TMP_INVALID_OPTION and the option’s name', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ strays: 'shred' }, 'strays'],
      [{ prefix: '../x' }, 'prefix'],
      [{ minFreeBytes: -1 }, 'minFreeBytes'],
      [{ minFreeBytes: 1.5 }, 'minFreeBytes'],
      [{ minFreeBytes: Number.POSITIVE_INFINITY }, 'minFreeBytes'],
      [{ sweepBelowBytes: Number.NaN }, 'sweepBelowBytes'],
      [{ sweepBelowBytes: Number.NEGATIVE_INFINITY }, 'sweepBelowBytes'],
      [{ staleAfterMs: '15m' }, 'staleAfterMs'],
      [{ staleAfterMs: 0.5 }, 'staleAfterMs'],
      [{ staleAfterMs: -1 }, 'staleAfterMs'],
      [{ root: 'a\0b' }, 'root'],
      [{ root: '' }, 'root'],
      [{ keep: 'assets' }, 'keep'],
      [{ warn: 'console' }, 'warn'],
    ]
    for (const [options, path] of cases) {
      let caught: unknown
      try {
        tmp(options as never)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(TmpError)
      expect(caught).toMatchObject({ code: 'TMP_INVALID_OPTION', path: [path] })
      // The message names the option and the value given.
      const value = Object.values(options)[0]
      expect((caught as Error).message).toContain(`\`${path}\``)
      if (typeof value === 'number') expect((caught as Error).message).toContain(`got ${String(value)}`)
    }
  })

  test('a missing root is created (private) at the first invocation', async () => {
    const root = join(makeRoot(), 'nested', 'scratch-root')
    const handler = lambda()
      .use(tmp({ root }))
      .handler((_event, context) => context.tmp.dir)
    const dir = await invoke(handler, {})
    expect(dir.startsWith(root)).toBe(true)
    expect(readdirSync(root)).toEqual([])
    mkdirSync(join(root, 'x'))
  })
})
