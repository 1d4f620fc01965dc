// `@sluice/init/secrets`: the one entry whose declarations name `@aws-sdk/client-secrets-manager` (an optional
// peer), so projects that use only once/cached/awaitInit type-check and bundle without it.
export { type SecretOptions, type SecretValue, secret } from './secret.ts'
