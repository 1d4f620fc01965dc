import { InitError } from './errors.ts'
import { once } from './once.ts'

// The SDK packages are optional peer dependencies: only the helpers that need one import it, on first use, so
// `once`, `cached` and `awaitInit` load no SDK code.

type SsmSdk = typeof import('@aws-sdk/client-ssm')
type SecretsManagerSdk = typeof import('@aws-sdk/client-secrets-manager')

const missing = (name: string) =>
  function sdkMissing(cause: unknown): never {
    throw new InitError(`${name} is not installed: add it to the function's dependencies (npm i ${name})`, {
      code: 'SDK_MISSING',
      cause,
    })
  }

/**
 * Loads `@aws-sdk/client-ssm` (Node keeps the module after the first import); `SDK_MISSING` if it is not installed.
 *
 * @example
 * const { GetParametersCommand } = await loadSsm()
 */
export const loadSsm = (): Promise<SsmSdk> =>
  import('@aws-sdk/client-ssm').catch(missing('@aws-sdk/client-ssm'))

/**
 * Loads `@aws-sdk/client-secrets-manager` (Node keeps the module after the first import); `SDK_MISSING` if it is not installed.
 *
 * @example
 * const { GetSecretValueCommand } = await loadSecretsManager()
 */
export const loadSecretsManager = (): Promise<SecretsManagerSdk> =>
  import('@aws-sdk/client-secrets-manager').catch(missing('@aws-sdk/client-secrets-manager'))

/**
 * The client a helper uses: the one given, or one created once from `config` on first use (with no config the
 * SDK reads region, credentials and `AWS_ENDPOINT_URL_*` from the Lambda environment).
 *
 * @example
 * const client = clientSource(options.client, () => loadSsm().then((sdk) => new sdk.SSMClient({})))
 */
export function clientSource<TClient>(
  given: TClient | undefined,
  create: () => Promise<TClient>,
): () => Promise<TClient> {
  if (given !== undefined) {
    const ready = Promise.resolve(given)
    return () => ready
  }
  return once(create)
}

/**
 * Throws `INIT_INVALID_OPTION` unless a helper got an options object (it needs at least `ttlMs`).
 *
 * @example
 * checkOptions(undefined) // throws: pass { ttlMs: … }
 */
export function checkOptions(options: unknown): asserts options is object {
  if (typeof options !== 'object' || options === null) {
    throw new InitError('Pass options with at least ttlMs, e.g. { ttlMs: 300_000 }', {
      code: 'INIT_INVALID_OPTION',
      path: ['options'],
    })
  }
}
