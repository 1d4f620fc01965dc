import { z } from 'zod'
import { lazy } from '../lazy.ts'

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
export const cloudformationSchema = lazy(() =>
  z.discriminatedUnion('RequestType', [
    z.looseObject({ ...common, RequestType: z.literal('Create') }),
    z.looseObject({
      ...common,
      RequestType: z.literal('Update'),
      PhysicalResourceId: z.string(),
      OldResourceProperties: z.record(z.string(), z.unknown()),
    }),
    z.looseObject({ ...common, RequestType: z.literal('Delete'), PhysicalResourceId: z.string() }),
  ]),
)

/**
 * The type of {@link cloudformationSchema}; matches `CloudFormationCustomResourceEvent` except that
 * `ServiceToken` may be absent.
 *
 * @example
 * const kind = (event: CloudformationEvent) => event.RequestType
 */
export type CloudformationEvent = z.output<typeof cloudformationSchema>
