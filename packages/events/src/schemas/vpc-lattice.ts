import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { stringListRecord, stringRecord } from './http-common.ts'
import { validVpcLattice } from './precompiled.ts'

// AWS documentation: Lambda functions as targets in VPC Lattice,
// https://docs.aws.amazon.com/vpc-lattice/latest/ug/lambda-functions.html#receive-event-from-service

// Event structure version 1 (the target group's default before 2.0): snake_case keys, single-value maps
const latticeV1 = lazy(() =>
  z.looseObject({
    raw_path: z.string(),
    method: z.string(),
    headers: stringRecord,
    query_string_parameters: stringRecord.optional(),
    body: z.string(),
    is_base64_encoded: z.boolean(),
  }),
)

// Event structure version 2.0: camelCase, every header and query parameter a list, caller identity
const latticeV2 = lazy(() =>
  z.looseObject({
    version: z.literal('2.0'),
    path: z.string(),
    method: z.string(),
    headers: stringListRecord,
    queryStringParameters: stringListRecord.optional(),
    body: z.string().optional(),
    isBase64Encoded: z.boolean().optional(),
    requestContext: z.looseObject({
      serviceNetworkArn: z.string(),
      serviceArn: z.string(),
      targetGroupArn: z.string(),
      region: z.string(),
      // microseconds since the epoch, as a string
      timeEpoch: z.string(),
      identity: z.looseObject({
        sourceVpcArn: z.string().optional(),
        type: z.string().optional(),
        principal: z.string().optional(),
        principalOrgID: z.string().optional(),
        sessionName: z.string().optional(),
        x509SubjectCn: z.string().optional(),
        x509IssuerOu: z.string().optional(),
        x509SanDns: z.string().optional(),
        x509SanUri: z.string().optional(),
        x509SanNameCn: z.string().optional(),
      }),
    }),
  }),
)

/**
 * A VPC Lattice request to a Lambda target (source id `vpc-lattice`), event structure version 1
 * (`raw_path`, snake_case) or 2.0 (`version: '2.0'`, list-valued headers, `requestContext.identity`).
 *
 * @example
 * const event = vpcLatticeSchema.parse(input)
 * const path = 'raw_path' in event ? event.raw_path : event.path
 */
export const vpcLatticeSchema = sourceSchema('vpc-lattice', validVpcLattice, () =>
  z.union([latticeV2, latticeV1]),
)

/**
 * The type of {@link vpcLatticeSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const method = (event: VpcLatticeEvent) => event.method
 */
export type VpcLatticeEvent = z.output<typeof vpcLatticeSchema>
