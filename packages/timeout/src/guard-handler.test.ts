import { lambda, type Middleware } from '@sluice/core'
import { createClock, createContext } from '@sluice/testing'
import { describe, expect, test, vi } from 'vitest'
import { settledValue } from '../test-support/settled-value.ts'
import { sleep } from './sleep.ts'
import { timeout } from './timeout.ts'

describe('sync handlers (cannot be interrupted)', () => {
  // A handler that blocks the event loop past deadline − margin: on the virtual clock, set() moves time on
  // without running timers, which is what a blocked loop looks like to the guard.
  test('a sync handler that overruns deadline − margin and returns keeps its result (the timer had not run)', async () => {
    const clock = createClock(0)
    const guard = timeout({ clock, onTimeout: () => 'timeout' })
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .handler(() => {
          clock.set(2_700)
          return 'sync result'
        }),
    )
    expect(await handler({}, createContext({ timeoutMs: 3_000, clock }))).toBe('sync result')
    expect(clock.pending()).toBe(0)
  })

  test('when a later step waits on a timer or I/O, the overdue guard fires there: exactly one, timeout, response', async () => {
    const clock = createClock(0)
    const onTimeout = vi.fn(() => 'timeout')
    const guard = timeout({ clock, onTimeout })
    const later: Middleware = { after: () => sleep(0, { clock }) }
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .use(later)
        .handler(() => {
          clock.set(2_700)
          return 'sync result'
        }),
    )
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000, clock })))
    await clock.advance(0)
    expect(outcome).toEqual({ done: true, value: 'timeout' })
    await clock.advance(1_000)
    expect(onTimeout).toHaveBeenCalledTimes(1)
    expect(clock.pending()).toBe(0)
  })
})
