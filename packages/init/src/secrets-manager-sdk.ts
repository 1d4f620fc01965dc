// What the secret helper uses from the SDK, named so that a bundler keeps only these: an `import()` of the package
// itself hands over its whole namespace, and every Secrets Manager command would be bundled and loaded with it.
export { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
