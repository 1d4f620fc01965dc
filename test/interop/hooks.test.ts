import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import middy from '@middy/core'
import { batch } from '@sluice/batch'
import { lifecycle } from '@sluice/core'
import { parse, schemas } from '@sluice/events'
import { idempotency } from '@sluice/idempotency'
import { logger, memoryDestination } from '@sluice/logger'
import { events, invokeResult } from '@sluice/testing'
import { timeout } from '@sluice/timeout'
import { tmp } from '@sluice/tmp'
import { tracer } from '@sluice/tracer'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// middy stops running after (or onError) hooks at the first one that returns a value. A middleware used before a
// sluice one has its after/onError run after the sluice one's: so each sluice hook must return nothing.
let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sluice-interop-hooks-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

type AnyMiddleware = middy.MiddlewareObj
const sluiceMiddlewares: ReadonlyArray<readonly [string, () => AnyMiddleware]> = [
  ['lifecycle()', () => lifecycle()],
  ['parse()', () => parse(schemas.sqs)],
  ['parse({ safe: true })', () => parse(schemas.sqs, { safe: true })],
  ['logger()', () => logger({ destination: memoryDestination() })],
  ['timeout()', () => timeout()],
  ['idempotency()', () => idempotency({ key: ['Records.0.messageId'] })],
  ['tmp()', () => tmp({ root })],
  ['tracer()', () => tracer()],
  ['batch()', () => batch(async () => undefined)],
]

const chainWith = (middleware: AnyMiddleware, fail: boolean) => {
  const ran: string[] = []
  const handler = middy()
    .use({
      after: function outerAfter() {
        ran.push('after')
      },
      onError: function outerOnError(request) {
        ran.push('onError')
        request.response = 'answered'
      },
    })
    .use(middleware)
    .handler(async () => {
      if (fail) throw new Error('handler failed')
      return 'done'
    })
  return { handler, ran }
}

describe('no sluice after or onError hook cuts off the hooks of middlewares used before it', () => {
  for (const [name, make] of sluiceMiddlewares) {
    test(`${name}: the outer after runs on success, the outer onError on failure`, async () => {
      const success = chainWith(make(), false)
      expect(await invokeResult(success.handler, events.sqs())).toMatchObject({ ok: true })
      expect(success.ran).toEqual(['after'])

      const failure = chainWith(make(), true)
      expect(await invokeResult(failure.handler, events.sqs())).toMatchObject({
        ok: true,
        result: 'answered',
      })
      expect(failure.ran).toEqual(['onError'])
    })
  }
})

test('control: a hook that returns a value does cut off the outer ones (what the tests above rule out)', async () => {
  const answering: AnyMiddleware = {
    after: function answeringAfter() {
      return 'early'
    },
    onError: function answeringOnError() {
      return 'early'
    },
  }
  const success = chainWith(answering, false)
  expect(await invokeResult(success.handler, events.sqs())).toMatchObject({ ok: true, result: 'early' })
  expect(success.ran).toEqual([])
  const failure = chainWith(answering, true)
  expect(await invokeResult(failure.handler, events.sqs())).toMatchObject({ ok: true, result: 'early' })
  expect(failure.ran).toEqual([])
})
