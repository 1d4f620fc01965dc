import middy from '@middy/core'
import { createContext } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { invocationMode } from './invocation-mode.ts'
import { currentInvocation } from './invocation-store.ts'
import { lambda } from './lambda.ts'

const seen = () => currentInvocation()?.requestId ?? 'none'

describe('lambda() on its execution mode', () => {
  test('plugin hooks run inside the invocation, and a throwing requestStart frees the slot', async () => {
    const hooks: string[] = []
    const handler = lambda({
      plugin: {
        requestStart: (request) => {
          hooks.push(`start ${seen()}`)
          if ((request.event as { fail?: boolean }).fail) throw new Error('start failed')
        },
        requestEnd: () => {
          hooks.push(`end ${seen()}`)
        },
      },
    }).handler(() => seen())

    await expect(handler({ fail: true }, createContext({ awsRequestId: 'r-1' }))).rejects.toThrow(
      'start failed',
    )
    expect(seen()).toBe('none')
    expect(await handler({}, createContext({ awsRequestId: 'r-2' }))).toBe('r-2')
    expect(hooks).toEqual(['start r-1', 'start r-2', 'end r-2'])
    expect(seen()).toBe('none')
  })

  test("a throwing requestEnd never replaces the chain's error: it becomes its cause, as in middy", async () => {
    const hookError = new Error('end failed')
    const plugin = {
      requestEnd: () => {
        throw hookError
      },
    }
    const failing = () => {
      throw new Error('handler failed')
    }
    const viaSluice = lambda({ plugin }).handler(failing)
    const viaMiddy = middy(plugin).handler(failing)
    for (const run of [viaSluice, viaMiddy]) {
      const error = await run({}, createContext()).catch((thrown: unknown) => thrown)
      expect(error).toMatchObject({ message: 'handler failed', cause: hookError })
    }
    // With the chain successful, the hook's error is the invocation's.
    await expect(lambda({ plugin }).handler(() => 'ok')({}, createContext())).rejects.toBe(hookError)
    expect(seen()).toBe('none')
  })

  test('a plain middy handler on the mode finds its invocations, overlapping ones included', async () => {
    const handler = middy({ executionMode: invocationMode as never }).handler(async () => {
      const before = seen()
      await new Promise((resolve) => setTimeout(resolve, 1))
      return [before, seen()]
    })
    const results = await Promise.all(
      ['a', 'b', 'c'].map((id) => handler({}, createContext({ awsRequestId: id }))),
    )
    expect(results).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ])
    expect(seen()).toBe('none')
  })
})
