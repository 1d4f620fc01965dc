import { describe, expectTypeOf, test } from 'vitest'
import { createContainer } from './container.ts'
import type { InvokeResult } from './invoke.ts'

describe('createContainer types', () => {
  test('invokes with the declared event and result types', () => {
    const container = createContainer<{ id: string }, Promise<number>>({ module: '/app/handler.ts' })
    expectTypeOf(container.invoke).parameter(0).toEqualTypeOf<{ id: string }>()
    expectTypeOf(container.invoke({ id: 'a' })).toEqualTypeOf<Promise<number>>()
    expectTypeOf(container.invokeResult({ id: 'a' })).toEqualTypeOf<Promise<InvokeResult<number>>>()
  })

  test('defaults to unknown when the handler types are not declared', () => {
    const container = createContainer({ module: '/app/handler.ts' })
    expectTypeOf(container.invoke({ anything: true })).toEqualTypeOf<Promise<unknown>>()
  })
})
