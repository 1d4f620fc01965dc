import { tracingEnabled } from './enabled.ts'
import { loadedPowertools, loadPowertools } from './powertools.ts'

/**
 * Traces an AWS SDK v3 client (a subsegment per call, with the trace header sent on) when tracing is on, and
 * returns it; returns it untouched when tracing is off. Call it at module scope: if the Powertools Tracer is
 * still loading, the client is instrumented as soon as it is, before the first invocation runs.
 *
 * @example
 * const ddb = captureAWSv3Client(new DynamoDBClient({}))
 */
export const captureAWSv3Client = <T>(client: T): T => {
  if (!tracingEnabled(undefined)) return client
  const loaded = loadedPowertools()
  if (loaded !== undefined) return loaded.captureAWSv3Client(client)
  loadPowertools().then(
    (tracer) => tracer.captureAWSv3Client(client),
    () => {},
  )
  return client
}
