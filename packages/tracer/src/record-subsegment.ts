import { boundedError, DEFAULT_MAX_METADATA_BYTES } from './bounded.ts'
import { loadedPowertools } from './powertools.ts'

interface SubsegmentLike {
  addError(error: Error): void
  close(): void
}

/**
 * Runs `fn` inside a subsegment named `name` (one per batch record, say) when tracing is on and an invocation
 * is traced; calls made inside (AWS SDK clients, http) nest under it, and a thrown error is recorded on it
 * and rethrown. When tracing is off it just runs `fn`.
 *
 * @example
 * for (const record of event.Records) {
 *   await recordSubsegment(`record ${record.messageId}`, () => saveOrder(JSON.parse(record.body)))
 * }
 */
export const recordSubsegment = async <T>(name: string, fn: () => T | Promise<T>): Promise<Awaited<T>> => {
  const loaded = loadedPowertools()
  if (loaded === undefined || !loaded.isTracingEnabled() || loaded.provider.getSegment() === undefined) {
    return await fn()
  }
  return (await loaded.provider.captureAsyncFunc(name, async (subsegment?: SubsegmentLike) => {
    try {
      return await fn()
    } catch (error) {
      subsegment?.addError(boundedError(error, DEFAULT_MAX_METADATA_BYTES))
      throw error
    } finally {
      subsegment?.close()
    }
  })) as Awaited<T>
}
