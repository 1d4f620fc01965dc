import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validCloudformation } from './precompiled.ts'

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html

const common = lazy(() => ({
  // present in real requests; absent from AWS's oldest samples
  ServiceToken: z.string().optional(),
  ServiceTimeout: z.string().optional(),
  ResponseURL: z.string(),
  StackId: z.string(),
  RequestId: z.string(),
  LogicalResourceId: z.string(),
  ResourceType: z.string(),
  ResourceProperties: z.record(z.string(), z.unknown()),
}))

/**
 * A CloudFormation custom resource request (source id `cloudformation`), discriminated by `RequestType`:
 * Create, Update (with `PhysicalResourceId` and `OldResourceProperties`) or Delete. Property values are as the
 * template wrote them: CloudFormation passes numbers and booleans as strings.
 *
 * @example
 * const event = cloudformationSchema.parse(input)
 * if (event.RequestType === 'Update') diff(event.OldResourceProperties, event.ResourceProperties)
 */
export const cloudformationSchema = sourceSchema('cloudformation', validCloudformation, () =>
  z.discriminatedUnion('RequestType', [
    z.looseObject({ ...common, RequestType: z.literal('Create') }),
    z.looseObject({
      ...common,
      RequestType: z.literal('Update'),
      // always sent by CloudFormation for Update and Delete; absent from some of AWS's samples
      PhysicalResourceId: z.string().optional(),
      OldResourceProperties: z.record(z.string(), z.unknown()),
    }),
    z.looseObject({ ...common, RequestType: z.literal('Delete'), PhysicalResourceId: z.string().optional() }),
  ]),
)

/**
 * The type of {@link cloudformationSchema}; matches `CloudFormationCustomResourceEvent` except that
 * `ServiceToken` and `PhysicalResourceId` may be absent.
 *
 * @example
 * const kind = (event: CloudformationEvent) => event.RequestType
 */
export type CloudformationEvent = z.output<typeof cloudformationSchema>
