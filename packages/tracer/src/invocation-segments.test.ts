import { withInvocation } from '@sluice/core'
import { createContext } from '@sluice/testing'
import { afterEach, describe, expect, test } from 'vitest'
import {
  endOverInvocations,
  forgetInvocation,
  invocationSegments,
  type OpenInvocation,
  openInvocation,
} from './invocation-segments.ts'

// The registry behind the tracer README's "Ends per invocation": an invocation whose `after` middy skipped is
// closed once its deadline has passed, never while it runs (Managed Instances), or when the next one starts
// (classic Lambda, `all`); and the X-Ray SDK's lookups find the segment of the invocation the code runs for.

const ended: string[] = []
afterEach(() => {
  endOverInvocations(Number.POSITIVE_INFINITY, true)
  ended.length = 0
})

/** Registers `requestId` as the middleware does; ending it records it and forgets it, as `finish` does. */
const open = (requestId: string, deadline: number): OpenInvocation => {
  const invocation = openInvocation({
    requestId,
    deadline,
    current: `handler of ${requestId}`,
    end: () => {
      ended.push(requestId)
      forgetInvocation(invocation)
    },
  })
  return invocation
}

/** Runs `look` as code of the invocation `requestId` (core's invocation store, as `lambda()` enters it). */
const during = <T>(requestId: string, look: () => T): Promise<T> =>
  withInvocation(async () => look())({}, createContext({ awsRequestId: requestId }))

describe('invocation segments', () => {
  test('ends only the invocations past their deadline, never one still running; with all, every one', () => {
    open('a', 100)
    open('b', 200)
    open('c', 300)
    endOverInvocations(150, false)
    expect(ended).toEqual(['a'])
    endOverInvocations(250, false)
    expect(ended).toEqual(['a', 'b'])
    endOverInvocations(0, true)
    expect(ended).toEqual(['a', 'b', 'c'])
  })

  test('a lookup gets the segment of the invocation it runs for; none outside one, or once it is forgotten', async () => {
    const first = open('r-1', Number.POSITIVE_INFINITY)
    open('r-2', Number.POSITIVE_INFINITY)
    expect(await during('r-1', () => invocationSegments.get())).toBe('handler of r-1')
    expect(await during('r-2', () => invocationSegments.set('nested in r-2'))).toBe(true)
    expect(await during('r-2', () => invocationSegments.get())).toBe('nested in r-2')
    expect(await during('r-1', () => invocationSegments.get())).toBe('handler of r-1')
    expect(invocationSegments.get()).toBeUndefined()
    expect(invocationSegments.set('the facade')).toBe(false)
    forgetInvocation(first)
    expect(await during('r-1', () => invocationSegments.get())).toBeUndefined()
  })

  test('keeps at most 1024 open: one more ends the oldest, which never ended', () => {
    for (let i = 0; i <= 1024; i += 1) open(`r-${i}`, Number.POSITIVE_INFINITY)
    expect(ended).toEqual(['r-0'])
  })
})
