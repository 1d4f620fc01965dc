import { randomUUID } from 'node:crypto'
import type { Context } from 'aws-lambda'
import { initLog } from './init-log.ts'

/** What a test asks the fixture handler to do. */
export type CounterEvent = { hang?: boolean; fail?: string; delayMs?: number }

/** What the fixture handler reports about its container. */
export type CounterResult = {
  initId: string
  invocation: number
  maxConcurrent: number
  initEnv: Record<string, string | undefined>
  invokeEnv: Record<string, string | undefined>
  requestId: string
  functionName: string
}

const initId = randomUUID()
initLog.push(initId)
const initEnv = lambdaVars()
let invocation = 0
let active = 0
let maxConcurrent = 0

/**
 * Counts its invocations in module scope (reset only by a fresh INIT), and can hang, fail or wait.
 *
 * @example
 * await handler({ delayMs: 5 }, createContext())
 */
export async function handler(event: CounterEvent, context: Context): Promise<CounterResult> {
  invocation += 1
  active += 1
  maxConcurrent = Math.max(maxConcurrent, active)
  try {
    if (event.hang) await new Promise(() => {})
    if (event.delayMs) await new Promise((resolve) => setTimeout(resolve, event.delayMs))
    if (event.fail) throw new RangeError(event.fail)
    const result = { initId, invocation, maxConcurrent, initEnv, invokeEnv: lambdaVars() }
    return { ...result, requestId: context.awsRequestId, functionName: context.functionName }
  } finally {
    active -= 1
  }
}

/** Not a function: containers must refuse it as a handler. */
export const notAFunction = 42

function lambdaVars(): Record<string, string | undefined> {
  return {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    version: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    logGroup: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStream: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    region: process.env.AWS_REGION,
    initializationType: process.env.AWS_LAMBDA_INITIALIZATION_TYPE,
    extra: process.env.SLUICE_FIXTURE_FLAG,
  }
}
