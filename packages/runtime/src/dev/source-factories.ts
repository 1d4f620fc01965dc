import { type AsyncInvokerOptions, asyncInvoker } from '../event-sources/async-invoker.ts'
import {
  type DynamoDbStreamSourceOptions,
  dynamodbStreamSource,
} from '../event-sources/dynamodb-stream-source.ts'
import { type EventbridgeSourceOptions, eventbridgeSource } from '../event-sources/eventbridge-source.ts'
import { type KinesisSourceOptions, kinesisSource } from '../event-sources/kinesis-source.ts'
import { type S3SourceOptions, s3Source } from '../event-sources/s3-source.ts'
import { type SnsSourceOptions, snsSource } from '../event-sources/sns-source.ts'
import type { EventSource, InvokeTarget } from '../event-sources/source-types.ts'
import type { SqsSourceOptions } from '../event-sources/sqs-options.ts'
import { sqsSource } from '../event-sources/sqs-source.ts'
import { type HttpFrontDoor, httpFrontDoor } from '../http/front-door.ts'
import type { HttpRoute } from '../http/route-table.ts'
import type { DevSourceOptions } from './dev-config.ts'

/** The kinds of source `sluice dev` creates from a config. `async` is a function's own `async` settings. */
export type SourceKind = 'sqs' | 'kinesis' | 'dynamodb' | 's3' | 'sns' | 'eventbridge' | 'async'

/** What `sluice dev` hands a factory: the config's options for the source, its target, name and time scale. */
export type SourceFactoryOptions = DevSourceOptions & {
  readonly function: InvokeTarget
  readonly name: string
  readonly timeScale: number
}

/**
 * Creates one source from options straight out of a config file. The options are not typed yet: each source
 * checks them at run time and throws `EVENT_SOURCE_INVALID_OPTION` naming the bad one.
 */
export type SourceFactory = (options: SourceFactoryOptions) => EventSource | Promise<EventSource>

/** One factory per kind; a kind without one cannot be used in a config yet. */
export type SourceFactories = Readonly<Partial<Record<SourceKind, SourceFactory>>>

/** Hands options read from a config to a source as its options type: the source checks each one at run time. */
const checkedBySource = <TOptions>(options: DevSourceOptions): TOptions =>
  options as DevSourceOptions & TOptions

/**
 * The sources `sluice dev` knows, by the event kind a config names.
 *
 * @example
 * const orders = await SOURCE_FACTORIES.sqs?.({ function: target, name: 'orders', timeScale: 100, maxReceiveCount: 3 })
 */
export const SOURCE_FACTORIES: SourceFactories = {
  sqs: (options) => sqsSource(checkedBySource<SqsSourceOptions>(options)),
  kinesis: (options) => kinesisSource(checkedBySource<KinesisSourceOptions>(options)),
  dynamodb: (options) => dynamodbStreamSource(checkedBySource<DynamoDbStreamSourceOptions>(options)),
  s3: (options) => s3Source(checkedBySource<S3SourceOptions>(options)),
  sns: (options) => snsSource(checkedBySource<SnsSourceOptions>(options)),
  eventbridge: (options) => eventbridgeSource(checkedBySource<EventbridgeSourceOptions>(options)),
  async: (options) => asyncInvoker(checkedBySource<AsyncInvokerOptions>(options)),
}

/** One route as `sluice dev` hands it to the HTTP front door. */
export interface FrontDoorRoute {
  readonly function: InvokeTarget
  /** The event's `http` options as written: type, method, path, stream… */
  readonly options: DevSourceOptions
}

/** Starts the HTTP front door for `routes` on 127.0.0.1 and `port` (0: a free one). */
export type FrontDoorFactory = (
  routes: readonly FrontDoorRoute[],
  options: { readonly port: number },
) => Promise<HttpFrontDoor>

/**
 * The HTTP front door `sluice dev` starts when a function has http events. Errors name `routes[i]`, the index in
 * `routes`.
 *
 * @example
 * const door = await FRONT_DOOR([{ function: target, options: { type: 'http-api', path: '/' } }], { port: 3000 })
 */
export const FRONT_DOOR: FrontDoorFactory = (routes, { port }) =>
  httpFrontDoor({
    port,
    routes: routes.map((route) => checkedBySource<HttpRoute>({ ...route.options, function: route.function })),
  })
