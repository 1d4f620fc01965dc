import { errorMessage, isThenable } from '@sluice/core'
import { BatchError } from './errors.ts'

/**
 * Reports a user hook that threw or rejected (`onFailure`): a `BATCH_HOOK_FAILED` warning on stderr (CloudWatch),
 * the hook's error as `cause`. The batch goes on and still reports every record not completed: a broken hook
 * never loses records nor fails the invocation.
 *
 * @example
 * reportHookFailure('onFailure', new Error('metrics down'))
 */
export function reportHookFailure(hook: string, error: unknown): void {
  const warning = new BatchError(
    'BATCH_HOOK_FAILED',
    `batch: the ${hook} hook threw (${errorMessage(error)}); every record not completed is still reported`,
    { cause: error },
  )
  process.emitWarning(warning)
}

/**
 * Calls a user hook so that nothing it does escapes: a throw or a rejection is reported with
 * {@link reportHookFailure}.
 *
 * @example
 * callHook('onFailure', onFailure, failure)
 */
export function callHook<TArgument>(
  hook: string,
  fn: (argument: TArgument) => unknown,
  argument: TArgument,
): void {
  try {
    const result = fn(argument)
    if (isThenable(result)) result.then(undefined, (error: unknown) => reportHookFailure(hook, error))
  } catch (error) {
    reportHookFailure(hook, error)
  }
}
