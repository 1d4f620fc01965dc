import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lambda } from '@sluice/core'
import { createClock, createContext, hang } from '@sluice/testing'
import { sleep, timeout } from '@sluice/timeout'
import { TmpError, tmp } from '@sluice/tmp'
import { afterEach, describe, expect, test } from 'vitest'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})
const makeRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'sluice-tmp-guard-'))
  roots.push(root)
  return root
}

describe('tmp() with the @sluice/timeout guard', () => {
  test('.wrap(): the scratch is removed when the guard fires, before onTimeout answers; other cleanups and flush still run', async () => {
    const root = makeRoot()
    const clock = createClock(0)
    const order: string[] = []
    let dir = ''
    const guard = timeout({
      clock,
      flush: [() => void order.push('flush')],
      onTimeout: () => {
        order.push(`onTimeout: scratch ${existsSync(dir) ? 'still there' : 'gone'}`)
        return 'timed out'
      },
    })
    const handler = guard.wrap(
      lambda()
        .use(tmp({ root }))
        .use(guard)
        .handler(async (_event, context) => {
          dir = context.tmp.dir
          writeFileSync(context.tmp.file('customer.json'), 'customer A')
          context.timeout.onCleanup(() => void order.push('handler cleanup'))
          return hang()
        }),
    )
    const outcome = handler({}, createContext({ clock, timeoutMs: 3_000 }))
    await clock.advance(3_000)
    expect(await outcome).toBe('timed out')
    expect(order).toEqual(['handler cleanup', 'flush', 'onTimeout: scratch gone'])
    expect(readdirSync(root)).toEqual([])
  })

  test('the guard middleware alone: the scratch goes when it fires, and the late handler finds it closed', async () => {
    const root = makeRoot()
    const clock = createClock(0)
    const guard = timeout({ clock, onTimeout: () => 'timed out' })
    let late: unknown
    const handler = lambda()
      .use(tmp({ root }))
      .use(guard)
      .handler(async (_event, context) => {
        writeFileSync(context.tmp.file('customer.json'), 'customer A')
        await sleep(5_000, { clock })
        try {
          context.tmp.file('more.json')
        } catch (error) {
          late = error
        }
        return 'late result'
      })
    const outcome = handler({}, createContext({ clock, timeoutMs: 3_000 }))
    await clock.advance(2_500)
    expect(readdirSync(root)).toEqual([])
    await clock.advance(2_500)
    expect(await outcome).toBe('timed out')
    expect(late).toBeInstanceOf(TmpError)
    expect(late).toMatchObject({ code: 'TMP_SCRATCH_CLOSED' })
  })
})
