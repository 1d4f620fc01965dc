import { asyncInvoker } from './async-invoker.ts'
import { dynamodbStreamSource } from './dynamodb-stream-source.ts'
import { eventbridgeSource } from './eventbridge-source.ts'
import { kinesisSource } from './kinesis-source.ts'
import { s3Source } from './s3-source.ts'
import { snsSource } from './sns-source.ts'
import { sqsSource } from './sqs-source.ts'

/**
 * Every local event source in one place, for a test suite: each takes `{ function, ...Lambda's mapping settings,
 * timeScale }` and gives `send`, `quiet`, `fates` and `outputs`. The same functions are exported one by one
 * (`sqsSource`, `kinesisSource`…); `sluice dev` builds its sources with them.
 *
 * @example
 * await using fn = await startRuntime({ handler: 'src/orders.ts#handler' })
 * await using orders = eventSources.sqs({ function: fn, maxReceiveCount: 3, timeScale: 100 })
 * await orders.send([{ body: { orderId: 'o-1' } }, 'poison'])
 * await orders.quiet({ timeoutMs: 30_000 })
 * expect(orders.outputs().dlq).toHaveLength(1)
 */
export const eventSources = {
  sqs: sqsSource,
  kinesis: kinesisSource,
  dynamodbStream: dynamodbStreamSource,
  async: asyncInvoker,
  s3: s3Source,
  sns: snsSource,
  eventbridge: eventbridgeSource,
} as const
