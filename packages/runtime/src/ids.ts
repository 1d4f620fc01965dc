import { randomBytes, randomFillSync, randomUUID } from 'node:crypto'

/**
 * A request id shaped like Lambda's (a UUID).
 *
 * @example
 * newRequestId() // '8476a536-e9f4-11e8-9739-2dfe598c3fcd'
 */
export function newRequestId(): string {
  return randomUUID()
}

/** Random bytes of one trace header: 12 for the root's id, 8 for the parent. */
const TRACE_BYTES = 20
/** Trace headers drawn per `randomFillSync`: one system call per invocation was a visible share of its cost. */
const TRACE_POOL = 256
const tracePool = Buffer.alloc(TRACE_BYTES * TRACE_POOL)
let traceAt = tracePool.length

/**
 * An X-Ray trace header like the one Lambda passes in `Lambda-Runtime-Trace-Id` (sampling off).
 *
 * @example
 * newTraceId() // 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0'
 */
export function newTraceId(now = Date.now()): string {
  const epoch = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
  if (traceAt === tracePool.length) {
    randomFillSync(tracePool)
    traceAt = 0
  }
  const hex = tracePool.toString('hex', traceAt, traceAt + TRACE_BYTES)
  traceAt += TRACE_BYTES
  return `Root=1-${epoch}-${hex.slice(0, 24)};Parent=${hex.slice(24)};Sampled=0`
}

/**
 * A log stream name in Lambda's format, `YYYY/MM/DD/[$LATEST]<execution environment id>`.
 *
 * @example
 * logStreamName('3f0c…', new Date('2025-01-02')) // '2025/01/02/[$LATEST]3f0c…'
 */
export function logStreamName(environmentId: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/')
  return `${day}/[$LATEST]${environmentId}`
}

/**
 * A 32-hex execution environment id; containers are named by its first 8 characters.
 *
 * @example
 * newEnvironmentId().length // 32
 */
export function newEnvironmentId(): string {
  return randomBytes(16).toString('hex')
}
