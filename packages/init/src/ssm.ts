// `@sluice/init/ssm`: the one entry whose declarations name `@aws-sdk/client-ssm` (an optional peer), so
// projects that use only once/cached/awaitInit type-check and bundle without it.
export {
  getSsmParameters,
  SSM_BATCH_SIZE,
  type SsmParametersOptions,
  type SsmValues,
  ssmParameters,
} from './ssm-parameters.ts'
