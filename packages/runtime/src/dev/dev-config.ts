/**
 * Options of one event source mapping or trigger, passed through to the source as they are: the source checks
 * them (AWS's names, units and ranges) and throws `EVENT_SOURCE_INVALID_OPTION` naming the bad one.
 */
export type DevSourceOptions = Readonly<Record<string, unknown>>

/**
 * One event of a function: a tagged union with one key, the kind. Queue and stream events name a queue or stream
 * declared at the top of the config; the others create a source of their own, named `<function>:<kind>`.
 *
 * @example
 * const event: EventConfig = { sqs: { queue: 'orders', batchSize: 10, functionResponseTypes: ['ReportBatchItemFailures'] } }
 */
export type EventConfig =
  | { readonly sqs: DevSourceOptions & { readonly queue: string } }
  | { readonly kinesis: DevSourceOptions & { readonly stream: string } }
  | { readonly dynamodb: DevSourceOptions & { readonly stream: string } }
  | {
      readonly http: DevSourceOptions & {
        /** `http-api` (API Gateway v2), `rest-api` (v1), `alb` or `function-url`. */
        readonly type: string
        readonly method?: string
        readonly path: string
        readonly stream?: boolean
      }
    }
  | { readonly s3: DevSourceOptions }
  | { readonly sns: DevSourceOptions }
  | { readonly eventbridge: DevSourceOptions }

/** How Lambda invokes a function asynchronously (S3, SNS, EventBridge, `sluice invoke --async`). */
export interface AsyncConfig extends DevSourceOptions {
  /** 0 to 2; default 2. */
  readonly maximumRetryAttempts?: number
  /** 60 to 21600; default 21600. */
  readonly maximumEventAgeInSeconds?: number
  readonly destinationConfig?: DevSourceOptions
}

/** One function: its handler, the Lambda settings `startRuntime` takes, and what feeds it. */
export interface FunctionConfig {
  /** `path/to/file.ts#export`, relative to the config file's folder. */
  readonly handler: string
  readonly memoryMb?: number
  readonly timeoutMs?: number
  readonly env?: Readonly<Record<string, string>>
  /** Invocations in flight at most (containers, started when needed). Default 10 under `sluice dev`. */
  readonly concurrency?: number
  /** Managed Instances mode: invocations in flight per container. */
  readonly maxConcurrency?: number
  readonly events?: readonly EventConfig[]
  readonly async?: AsyncConfig
}

/** A queue the config declares; its options go to the SQS source as they are. */
export interface QueueConfig extends DevSourceOptions {
  readonly fifo?: boolean
  readonly visibilityTimeout?: number
  readonly maxReceiveCount?: number
}

/** A Kinesis or DynamoDB stream the config declares. */
export interface StreamConfig extends DevSourceOptions {
  readonly kind: 'kinesis' | 'dynamodb'
  readonly shards?: number
}

/** What `sluice.config.ts` exports: functions, the queues and streams they read, and the dev settings. */
export interface DevConfig {
  readonly functions: Readonly<Record<string, FunctionConfig>>
  readonly queues?: Readonly<Record<string, QueueConfig>>
  readonly streams?: Readonly<Record<string, StreamConfig>>
  /** Lambda seconds per real second for every source; `--time-scale` overrides it. Default 1. */
  readonly timeScale?: number
  /** Port of the control endpoint (`sluice send`); `--port` overrides it. Default 0: a free one. */
  readonly port?: number
}

/**
 * Types a `sluice.config.ts` and returns it as it is.
 *
 * @example
 * export default defineConfig({
 *   functions: { orders: { handler: 'handler.ts#handler', events: [{ sqs: { queue: 'orders' } }] } },
 *   queues: { orders: { maxReceiveCount: 3 } },
 * })
 */
export function defineConfig<const TConfig extends DevConfig>(config: TConfig): TConfig {
  return config
}
