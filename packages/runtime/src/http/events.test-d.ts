import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  LambdaFunctionURLEvent,
} from 'aws-lambda'
import { describe, expectTypeOf, it } from 'vitest'
import type { albEvent, restEvent } from './event-v1.ts'
import type { payloadV2Event } from './event-v2.ts'

describe('front door events', () => {
  it('are what @types/aws-lambda says each front door sends', () => {
    expectTypeOf<ReturnType<typeof payloadV2Event>>().toExtend<APIGatewayProxyEventV2>()
    expectTypeOf<ReturnType<typeof payloadV2Event>>().toExtend<LambdaFunctionURLEvent>()
    expectTypeOf<ReturnType<typeof restEvent>>().toExtend<APIGatewayProxyEvent>()
    expectTypeOf<ReturnType<typeof albEvent>>().toExtend<ALBEvent>()
  })
})
