import { describe, expect, test, vi } from 'vitest'
import { settledValue } from '../test-support/settled-value.ts'
import { TimeoutError } from './errors.ts'
import { withDeadline } from './with-deadline.ts'

const deferred = <T>() => {
  let resolve: (value: T) => void = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('withDeadline', () => {
  test('settles like the promise when it wins, and removes its abort listener', async () => {
    const controller = new AbortController()
    const remove = vi.spyOn(controller.signal, 'removeEventListener')
    expect(await withDeadline(Promise.resolve('rows'), controller.signal)).toBe('rows')
    await expect(withDeadline(Promise.reject(new Error('db down')), controller.signal)).rejects.toThrow(
      'db down',
    )
    expect(remove).toHaveBeenCalledTimes(2)
  })

  test('rejects with the TimeoutError the guard aborted with; the late rejection is not unhandled', async () => {
    const controller = new AbortController()
    const work = deferred<string>()
    const raced = settledValue(withDeadline(work.promise, controller.signal))
    const reason = new TimeoutError({ deadline: 10, marginMs: 5 })
    controller.abort(reason)
    await Promise.resolve()
    expect(raced.error).toBe(reason)
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    work.reject(new Error('late'))
    await new Promise((resolve) => setImmediate(resolve))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
  })

  test('an already aborted signal rejects at once; a foreign reason is wrapped as the cause', async () => {
    const error = await withDeadline(new Promise(() => {}), AbortSignal.abort('shutdown')).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ code: 'TIMEOUT', cause: 'shutdown' })
  })
})
