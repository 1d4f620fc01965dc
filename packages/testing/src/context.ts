import { randomUUID } from 'node:crypto'
import type { ClientContext, CognitoIdentity, Context } from 'aws-lambda'
import { DEFAULT_ACCOUNT_ID, defaultRegion, randomHex } from './aws-defaults.ts'
import { type Clock, realTime } from './clock.ts'
import { CallbackNotSupportedError, InvalidOptionError } from './errors.ts'

/**
 * How to build a fake Lambda `Context`. Every option has a Lambda-like default.
 *
 * @example
 * const options: ContextOptions = { functionName: 'orders', timeoutMs: 10_000, clock: createClock(0) }
 */
export type ContextOptions = {
  functionName?: string
  functionVersion?: string
  memoryMb?: number
  timeoutMs?: number
  region?: string
  accountId?: string
  /** Qualifier (alias or version) appended to `invokedFunctionArn`. */
  alias?: string
  awsRequestId?: string
  /** Defaults to `YYYY/MM/DD/[version]<32 hex>` for the clock's date; containers pass one per container. */
  logStreamName?: string
  clock?: Pick<Clock, 'now'>
  identity?: CognitoIdentity
  clientContext?: ClientContext
  tenantId?: string
  callbackWaitsForEmptyEventLoop?: boolean
}

/**
 * A complete Lambda `Context` plus the absolute deadline it counts down to.
 *
 * @example
 * const context: FakeContext = createContext()
 * context.deadlineMs - Date.now() // ≈ 3000
 */
export type FakeContext = Context & { readonly deadlineMs: number }

type ContextTiming = { clock: Pick<Clock, 'now'>; timeoutMs: number }

const timings = new WeakMap<Context, ContextTiming>()

/**
 * Creates a Lambda `Context` with every field `@types/aws-lambda` declares, a fresh `awsRequestId`,
 * ARN and log names consistent with the function name, and `getRemainingTimeInMillis()` counting
 * down on `clock` from a deadline fixed now.
 *
 * @example
 * const clock = createClock(0)
 * const context = createContext({ functionName: 'orders', timeoutMs: 5000, clock })
 * context.invokedFunctionArn // 'arn:aws:lambda:us-east-1:123456789012:function:orders'
 * await clock.advance(2000)
 * context.getRemainingTimeInMillis() // 3000
 */
export function createContext(options: ContextOptions = {}): FakeContext {
  const settings = contextSettings(options)
  const { clock, functionName, functionVersion, region, accountId, timeoutMs } = settings
  const qualifier = options.alias === undefined ? '' : `:${options.alias}`
  const deadlineMs = clock.now() + timeoutMs

  const context: FakeContext = {
    callbackWaitsForEmptyEventLoop: options.callbackWaitsForEmptyEventLoop ?? true,
    functionName,
    functionVersion,
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}${qualifier}`,
    memoryLimitInMB: String(settings.memoryMb),
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: options.logStreamName ?? createLogStreamName(clock.now(), functionVersion),
    identity: options.identity,
    clientContext: options.clientContext,
    tenantId: options.tenantId,
    deadlineMs,
    getRemainingTimeInMillis: function getRemainingTimeInMillis() {
      return Math.max(0, deadlineMs - clock.now())
    },
    done: function done() {
      throw new CallbackNotSupportedError('done')
    },
    fail: function fail() {
      throw new CallbackNotSupportedError('fail')
    },
    succeed: function succeed() {
      throw new CallbackNotSupportedError('succeed')
    },
  }
  timings.set(context, { clock, timeoutMs })
  return context
}

/**
 * The clock and configured timeout a context was created with, if `createContext` made it.
 * `invoke` uses this to time out on the same clock and to word the timeout like Lambda.
 *
 * @example
 * contextTiming(createContext({ timeoutMs: 1000 }))?.timeoutMs // 1000
 */
export function contextTiming(context: Context): ContextTiming | undefined {
  return timings.get(context)
}

/**
 * A log stream name shaped like Lambda's: `2025/01/31/[$LATEST]` and 32 hex digits.
 *
 * @example
 * createLogStreamName(Date.UTC(2025, 0, 31), '$LATEST') // '2025/01/31/[$LATEST]3f0c…'
 */
export function createLogStreamName(nowMs: number, functionVersion: string): string {
  const date = new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '/')
  return `${date}/[${functionVersion}]${randomHex(16)}`
}

/**
 * Function settings with Lambda-like defaults applied, shared by contexts and containers.
 *
 * @example
 * const { functionName, timeoutMs }: ContextSettings = contextSettings({ timeoutMs: 900_000 })
 */
export type ContextSettings = {
  clock: Pick<Clock, 'now'>
  functionName: string
  functionVersion: string
  memoryMb: number
  timeoutMs: number
  region: string
  accountId: string
}

/**
 * Applies the defaults `createContext` uses, validating numbers.
 *
 * @example
 * contextSettings({}).functionName // 'sluice-function'
 */
export function contextSettings(options: ContextOptions): ContextSettings {
  return {
    clock: options.clock ?? realTime,
    functionName: options.functionName ?? 'sluice-function',
    functionVersion: options.functionVersion ?? '$LATEST',
    memoryMb: positive('memoryMb', options.memoryMb ?? 128),
    timeoutMs: positive('timeoutMs', options.timeoutMs ?? 3000),
    region: options.region ?? defaultRegion(),
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
  }
}

function positive(path: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(path, `needs a finite number above 0, got ${value}`)
  }
  return value
}
