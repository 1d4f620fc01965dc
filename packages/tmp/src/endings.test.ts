import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { lambda, type Middleware } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import type { Scratch } from './scratch.ts'
import { tmp } from './tmp.ts'

const makeRoot = privateRoots()

type Answer = { answer: 'before' | 'after' | 'none' }

/** A middleware inside tmp() that writes to the scratch and may answer early from its before or after hook. */
const answering = (written: string[]): Middleware<{ context: { tmp: Scratch } }> => ({
  before: function answeringBefore(request) {
    if ((request.event as Answer).answer === 'none') return undefined
    const scratch = request.context.tmp
    if (!scratch) throw new Error('tmp() runs before this middleware')
    const path = scratch.file('from-middleware.txt')
    writeFileSync(path, 'customer data')
    written.push(path)
    return (request.event as Answer).answer === 'before' ? 'cached response' : undefined
  },
  after: function answeringAfter(request) {
    return (request.event as Answer).answer === 'after' ? 'rewritten response' : undefined
  },
})

describe('scratch when an invocation ends without tmp()’s hooks', () => {
  test('an inner middleware answering early from before or after: the next invocation removes the scratch before anything runs', async () => {
    for (const answer of ['before', 'after'] as const) {
      const root = makeRoot()
      const written: string[] = []
      const { warn, warnings } = recorder()
      const handler = lambda<Answer>()
        .use(tmp({ root, warn }))
        .use(answering(written))
        .handler(() => readdirSync(root))
      expect(await invoke(handler, { answer })).toBe(
        answer === 'before' ? 'cached response' : 'rewritten response',
      )
      // middy skipped tmp()'s after hook: the scratch is still there…
      expect(existsSync(written[0] ?? '')).toBe(true)
      // …until the next invocation starts, before its middlewares and handler.
      expect(await invoke(handler, { answer: 'none' })).toEqual([])
      expect(existsSync(written[0] ?? '')).toBe(false)
      expect(readdirSync(root)).toEqual([])
      expect(warnings.map((warning) => warning.code)).toEqual(['TMP_LEFTOVERS_SWEPT'])
    }
  })

  test('used last (innermost), tmp()’s hooks run whatever an outer middleware answers', async () => {
    const root = makeRoot()
    let dir = ''
    const rewrite: Middleware = { after: () => 'rewritten response' }
    const handler = lambda()
      .use(rewrite)
      .use(tmp({ root }))
      .handler((_event, context) => {
        dir = context.tmp.dir
        return 'ok'
      })
    expect(await invoke(handler, {})).toBe('rewritten response')
    expect(dir).not.toBe('')
    expect(readdirSync(root)).toEqual([])
  })

  test('work left running that re-creates its scratch path after the end is removed before the next handler', async () => {
    const root = makeRoot()
    let path = ''
    const handler = lambda()
      .use(tmp({ root, warn: () => {} }))
      .handler((_event, context) => {
        const seen = readdirSync(root)
        path = context.tmp.file('parts/1.bin')
        return seen
      })
    expect(await invoke(handler, {})).toEqual([])
    // A background task, still holding the path, writes after the response (mkdir -p re-creates the directory).
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, 'customer data')
    expect(await invoke(handler, {})).toEqual([])
    expect(readdirSync(root)).toEqual([])
  })
})
