import * as z from 'zod'
import { sourceSchema } from '../source-schema.ts'
import { stringListRecord, stringRecord } from './http-common.ts'
import { validAlb } from './precompiled.ts'

// AWS documentation: Lambda functions as targets of an Application Load Balancer,
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html#receive-event-from-load-balancer

/**
 * An Application Load Balancer request to a Lambda target (source id `alb`). With multi-value headers enabled on
 * the target group, `multiValueHeaders`/`multiValueQueryStringParameters` replace the single-value maps. Query
 * values are URL-encoded as the client sent them.
 *
 * @example
 * const event: AlbEvent = albSchema.parse(input)
 * event.requestContext.elb.targetGroupArn
 */
export const albSchema = sourceSchema('alb', validAlb, () =>
  z.looseObject({
    requestContext: z.looseObject({ elb: z.looseObject({ targetGroupArn: z.string() }) }),
    httpMethod: z.string(),
    path: z.string(),
    queryStringParameters: stringRecord.optional(),
    multiValueQueryStringParameters: stringListRecord.optional(),
    headers: stringRecord.optional(),
    multiValueHeaders: stringListRecord.optional(),
    body: z.string().nullable(),
    isBase64Encoded: z.boolean(),
  }),
)

/**
 * The type of {@link albSchema}; assignable to `ALBEvent` from `@types/aws-lambda`.
 *
 * @example
 * const target = (event: AlbEvent) => event.requestContext.elb.targetGroupArn
 */
export type AlbEvent = z.output<typeof albSchema>
