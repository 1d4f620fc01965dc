import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { type DynamoDbStandIn, startDynamoDbStandIn } from './dynamodb-stand-in.ts'
import { startXrayDaemon, type XrayDaemon } from './xray-daemon.ts'

/**
 * A trace header as Lambda passes it: a fresh root, the upstream parent, sampled.
 *
 * @example
 * const { root, header } = traceHeader() // header: 'Root=1-…;Parent=…;Sampled=1'
 */
export const traceHeader = () => {
  const root = `1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`
  const parent = randomBytes(8).toString('hex')
  return { root, parent, header: `Root=${root};Parent=${parent};Sampled=1` }
}

/** The servers a tracing suite talks to, started once for the file. */
export interface TracingServers {
  /** The X-Ray daemon the functions send their segments to (UDP on 127.0.0.1). */
  readonly daemon: XrayDaemon
  /** Stands in for DynamoDB: the real AWS SDK client calls it over HTTP on 127.0.0.1. */
  readonly dynamodb: DynamoDbStandIn
}

/**
 * Starts the X-Ray daemon and the DynamoDB stand-in before the file's tests and closes them after.
 *
 * @example
 * const servers = useTracingServers()
 * test('…', () => expect(servers.daemon.documents).toEqual([]))
 */
export function useTracingServers(): TracingServers {
  let daemon: XrayDaemon | undefined
  let dynamodb: DynamoDbStandIn | undefined
  beforeAll(async () => {
    daemon = await startXrayDaemon()
    dynamodb = await startDynamoDbStandIn()
  })
  afterAll(async () => {
    await daemon?.close()
    await dynamodb?.close()
  })
  const started = <T>(server: T | undefined): T => {
    if (server === undefined) throw new Error('the tracing servers start in beforeAll: use them inside tests')
    return server
  }
  return {
    get daemon() {
      return started(daemon)
    },
    get dynamodb() {
      return started(dynamodb)
    },
  }
}
