import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import { validateConfig } from './validate-config.ts'

const good = {
  functions: {
    orders: {
      handler: 'handler.ts#handler',
      memoryMb: 256,
      env: { TABLE: 'orders' },
      events: [{ sqs: { queue: 'orders', batchSize: 5 } }, { http: { type: 'http-api', path: '/orders' } }],
      async: { maximumRetryAttempts: 1 },
    },
    metrics: { handler: 'metrics.ts', events: [{ kinesis: { stream: 'metrics' } }] },
  },
  queues: { orders: { maxReceiveCount: 3 } },
  streams: { metrics: { kind: 'kinesis', shards: 2 } },
  timeScale: 100,
  port: 0,
}

/** The message of the DEV_CONFIG_INVALID error `config` gets (fails the test for any other outcome). */
function rejection(config: unknown): string {
  try {
    validateConfig(config)
  } catch (error) {
    expect(error).toBeInstanceOf(SluiceRuntimeError)
    expect((error as SluiceRuntimeError).code).toBe('DEV_CONFIG_INVALID')
    return (error as Error).message
  }
  throw new Error('expected DEV_CONFIG_INVALID')
}

describe('validateConfig', () => {
  it('returns a well-formed config as it is', () => {
    expect(validateConfig(good)).toBe(good)
  })

  it.each([
    [{ ...good, extra: 1 }, /^config\.extra is not a known key/],
    [
      { functions: { orders: { handler: 'h.ts', memory: 1 } } },
      /^functions\.orders\.memory is not a known key/,
    ],
    [{ functions: { orders: {} } }, /^functions\.orders\.handler is missing/],
    [{ functions: {} }, /^functions is empty/],
    [{}, /^functions is missing/],
    [
      { functions: { orders: { handler: 'h.ts', events: [{ sqs: { queue: 'nope' } }] } } },
      /^functions\.orders\.events\[0\]\.sqs\.queue names no queue/,
    ],
    [
      { ...good, streams: { metrics: { kind: 'dynamodb' } } },
      /^functions\.metrics\.events\[0\]\.kinesis\.stream names metrics, which is not a kinesis stream/,
    ],
    [
      { functions: { a: { handler: 'h.ts', events: [{ sqs: {}, sns: {} }] } } },
      /^functions\.a\.events\[0\] must have exactly one of/,
    ],
    [
      { functions: { a: { handler: 'h.ts', events: [{ http: { path: '/' } }] } } },
      /^functions\.a\.events\[0\]\.http\.type must be a string/,
    ],
    [{ functions: { a: { handler: 'h.ts', events: 'sqs' } } }, /^functions\.a\.events must be an array/],
    [{ functions: { a: { handler: 'h.ts', env: { N: 1 } } } }, /^functions\.a\.env\.N must be a string/],
    [{ functions: { 'a b': { handler: 'h.ts' } } }, /^functions\.a b is not a usable name/],
    [{ ...good, timeScale: 0 }, /^timeScale must be a positive number/],
    [{ ...good, port: 70_000 }, /^port must be a port/],
    [{ ...good, queues: { ...good.queues, metrics: {} } }, /^streams\.metrics is also a queue name/],
    [
      {
        ...good,
        functions: { ...good.functions, again: { handler: 'h.ts', events: [{ sqs: { queue: 'orders' } }] } },
      },
      /^functions\.again\.events\[0\] reads orders, which functions\.orders reads already/,
    ],
  ])('names the path of what is wrong: %#', (config, message) => {
    expect(rejection(config)).toMatch(message)
  })

  it('never throws anything but DEV_CONFIG_INVALID, whatever it is given', () => {
    const event = fc.oneof(
      fc.record({ sqs: fc.record({ queue: fc.oneof(fc.constant('orders'), fc.string()) }) }),
      fc.dictionary(fc.string(), fc.anything()),
      fc.anything(),
    )
    const fn = fc.record(
      {
        handler: fc.oneof(fc.string(), fc.anything()),
        events: fc.array(event, { maxLength: 3 }),
        env: fc.anything(),
      },
      { requiredKeys: [] },
    )
    const config = fc.oneof(
      fc.record(
        {
          functions: fc.oneof(fc.dictionary(fc.string(), fn), fc.anything()),
          queues: fc.oneof(fc.constant({ orders: {} }), fc.anything()),
          streams: fc.anything(),
          timeScale: fc.anything(),
          port: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    )
    fc.assert(
      fc.property(config, (candidate) => {
        try {
          validateConfig(candidate)
        } catch (error) {
          return error instanceof SluiceRuntimeError && error.code === 'DEV_CONFIG_INVALID'
        }
        return true
      }),
      { numRuns: 500 },
    )
  })
})
