import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** An HTTP server on 127.0.0.1 that answers DynamoDB's ListTables, for the real AWS SDK client to call. */
export interface DynamoDbStandIn {
  /** `http://127.0.0.1:PORT`, the client's endpoint. */
  readonly endpoint: string
  /** Every request, in arrival order, with the X-Ray trace header the SDK sent (`x-amzn-trace-id`). */
  readonly requests: Array<{ readonly traceHeader: string | undefined }>
  close(): Promise<void>
}

/**
 * Starts the stand-in.
 *
 * @example
 * const ddb = await startDynamoDbStandIn()
 * new DynamoDBClient({ endpoint: ddb.endpoint, region: 'us-east-1' })
 */
export const startDynamoDbStandIn = async (): Promise<DynamoDbStandIn> => {
  const requests: Array<{ traceHeader: string | undefined }> = []
  const server = createServer((request, response) => {
    const header = request.headers['x-amzn-trace-id']
    requests.push({ traceHeader: Array.isArray(header) ? header.join(',') : header })
    request.resume()
    response.writeHead(200, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': `ddb-${requests.length}`,
    })
    response.end('{"TableNames":[]}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
