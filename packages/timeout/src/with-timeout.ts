import type { LambdaHandler } from '@sluice/core'
import { guardFactory } from './guard-factory.ts'
import { type GuardableHandler, guardHandler } from './guard-handler.ts'
import { resolveOptions, type TimeoutOptions } from './options.ts'

/**
 * Races any handler against the deadline − margin: the same guard as `timeout(options).wrap(handler)`, for
 * handlers built without the middleware (a plain function or a middy handler). The handler's context has
 * `timeout`: its `signal`, `remaining()` and `onCleanup()`.
 *
 * @example
 * export const handler = withTimeout(
 *   async (event: { url: string }, context) => (await fetch(event.url, { signal: context.timeout.signal })).status,
 *   { onTimeout: () => 504 },
 * )
 */
export const withTimeout = <TEvent, TResult, TResponse = never>(
  handler: GuardableHandler<TEvent, TResult>,
  options: TimeoutOptions<TResponse> = {},
): LambdaHandler<TEvent, Awaited<TResult> | TResponse> =>
  guardHandler(handler, guardFactory(resolveOptions(options)))
