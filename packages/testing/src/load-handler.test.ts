import { describe, expect, test } from 'vitest'
import { InvalidOptionError, LambdaInvokeError } from './errors.ts'
import { loadHandler, moduleUrl } from './load-handler.ts'

const isFunction = (value: unknown): value is () => unknown => typeof value === 'function'
const counter = new URL('../test-support/counter-handler.ts', import.meta.url)

describe('moduleUrl', () => {
  test('accepts absolute paths and file URLs, refuses relative paths and other protocols', () => {
    expect(moduleUrl('/app/handler.ts').href).toBe('file:///app/handler.ts')
    expect(moduleUrl('file:///app/handler.ts').pathname).toBe('/app/handler.ts')
    expect(moduleUrl(counter)).toBe(counter)
    expect(() => moduleUrl('handler.ts')).toThrow(InvalidOptionError)
    expect(() => moduleUrl('data:text/javascript,1')).toThrow(/file: URL/)
  })
})

describe('loadHandler', () => {
  test('evaluates the module afresh for each new query', async () => {
    const first = await loadHandler(counter, 'handler', 'load-handler-test=1', isFunction)
    const again = await loadHandler(counter, 'handler', 'load-handler-test=1', isFunction)
    const fresh = await loadHandler(counter, 'handler', 'load-handler-test=2', isFunction)
    expect(again).toBe(first)
    expect(fresh).not.toBe(first)
  })

  test('fails with the runtime’s error types', async () => {
    const missing = new URL('../test-support/missing.ts', import.meta.url)
    await expect(loadHandler(missing, 'handler', 'q=1', isFunction)).rejects.toBeInstanceOf(LambdaInvokeError)
    await expect(loadHandler(counter, 'nope', 'q=1', isFunction)).rejects.toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
    })
  })
})
