import { lambda } from '@sluice/core'
import { describe, expectTypeOf, test } from 'vitest'
import { captureAWSv3Client } from './capture-client.ts'
import { recordSubsegment } from './record-subsegment.ts'
import { tracer } from './tracer.ts'

describe('tracer types', () => {
  test('the middleware adds nothing to the context; helpers keep the types they are given', () => {
    lambda<{ id: string }>()
      .use(tracer())
      .handler(async (event, context) => {
        expectTypeOf(event).toEqualTypeOf<{ id: string }>()
        expectTypeOf(context).not.toHaveProperty('tracer')
        expectTypeOf(await recordSubsegment('x', async () => 1)).toEqualTypeOf<number>()
        expectTypeOf(await recordSubsegment('x', () => 'sync')).toEqualTypeOf<string>()
      })
    class Client {
      send() {}
    }
    expectTypeOf(captureAWSv3Client(new Client())).toEqualTypeOf<Client>()
  })
})
