// What the SSM helpers use from the SDK, named so that a bundler keeps only these: an `import()` of the package
// itself hands over its whole namespace, and every SSM command would be bundled and loaded with it.
export { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
