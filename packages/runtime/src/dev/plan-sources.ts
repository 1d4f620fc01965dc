import type { DevConfig, DevSourceOptions } from './dev-config.ts'
import type { SourceKind } from './source-factories.ts'

/** One source `sluice dev` will start: its name (what `sluice send` takes), kind, reader and options. */
export interface SourcePlan {
  readonly name: string
  readonly kind: SourceKind
  readonly functionName: string
  /** Where in the config it comes from, for error messages: `functions.orders.events[0].sqs`. */
  readonly path: string
  /** The declared queue's or stream's options merged with the event's (the event's win). */
  readonly options: DevSourceOptions
}

/** One HTTP route of the front door. */
export interface RoutePlan {
  readonly functionName: string
  readonly path: string
  /** The event's `http` options: type, method, path, stream… */
  readonly options: DevSourceOptions
}

/**
 * Turns a checked config into the sources to start: one per queue or stream read (named like it), one per
 * S3/SNS/EventBridge event (`<function>:s3`, then `<function>:s3-2`…), and `<function>:async` for a function
 * with `async` settings; HTTP events become routes of the one front door.
 *
 * @example
 * planSources(config).sources.map((plan) => plan.name) // ['orders', 'orders:s3']
 */
export function planSources(config: DevConfig): { sources: SourcePlan[]; routes: RoutePlan[] } {
  const sources: SourcePlan[] = []
  const routes: RoutePlan[] = []
  for (const [functionName, fn] of Object.entries(config.functions)) {
    const seen = new Map<string, number>()
    const own = (kind: SourceKind) => {
      const count = (seen.get(kind) ?? 0) + 1
      seen.set(kind, count)
      return count === 1 ? `${functionName}:${kind}` : `${functionName}:${kind}-${count}`
    }
    ;(fn.events ?? []).forEach((event, index) => {
      const at = `functions.${functionName}.events[${index}]`
      if ('sqs' in event) {
        const { queue, ...options } = event.sqs
        const declared = config.queues?.[queue] ?? {}
        sources.push({
          name: queue,
          kind: 'sqs',
          functionName,
          path: `${at}.sqs`,
          options: { ...declared, ...options },
        })
      } else if ('kinesis' in event || 'dynamodb' in event) {
        const kind = 'kinesis' in event ? 'kinesis' : 'dynamodb'
        const { stream, ...options } = 'kinesis' in event ? event.kinesis : event.dynamodb
        const { kind: _kind, ...declared } = config.streams?.[stream] ?? { kind }
        sources.push({
          name: stream,
          kind,
          functionName,
          path: `${at}.${kind}`,
          options: { ...declared, ...options },
        })
      } else if ('http' in event) {
        routes.push({ functionName, path: `${at}.http`, options: event.http })
      } else {
        const kind = 's3' in event ? 's3' : 'sns' in event ? 'sns' : 'eventbridge'
        const options = 's3' in event ? event.s3 : 'sns' in event ? event.sns : event.eventbridge
        sources.push({
          name: own(kind),
          kind,
          functionName,
          path: `${at}.${kind}`,
          options: { ...fn.async, ...options },
        })
      }
    })
    if (fn.async !== undefined)
      sources.push({
        name: `${functionName}:async`,
        kind: 'async',
        functionName,
        path: `functions.${functionName}.async`,
        options: fn.async,
      })
  }
  return { sources, routes }
}
