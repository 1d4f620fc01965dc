import type { SecretsManagerClient, SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager'
import { type Cached, cached } from './cached.ts'
import type { CachedOptions } from './cached-options.ts'
import { checkFunction, InitError } from './errors.ts'
import { once } from './once.ts'
import { checkOptions, clientSource, loadSecretsManager } from './sdk.ts'

/** Options of {@link secret}: the cache's, plus which version and how to read it. */
export interface SecretOptions extends Omit<CachedOptions, 'name'> {
  /**
   * `true`: parse `SecretString` as a JSON object (as console-made secrets are); a function: parse it, then hand
   * the result to the function to check and type it (e.g. a zod schema's `parse`). Default: the raw string.
   */
  readonly json?: boolean | ((value: unknown) => unknown)
  /** Staging label, e.g. `AWSPREVIOUS`. Default: Secrets Manager's `AWSCURRENT`. */
  readonly versionStage?: string
  /** A version id; overrides the stage. */
  readonly versionId?: string
  /** The Secrets Manager client to use. Default: one created once per container (from `clientConfig` if given). */
  readonly client?: SecretsManagerClient
  /** Config for the client created when `client` is not given. */
  readonly clientConfig?: SecretsManagerClientConfig
}

/** What a secret reads as: the `json` function's result, a JSON object for `json: true`, else the string. */
export type SecretValue<TOptions extends SecretOptions> = TOptions extends {
  json: (value: unknown) => infer $Parsed
}
  ? $Parsed
  : TOptions extends { json: true }
    ? Record<string, unknown>
    : string

// Shared by every helper call without its own client or config: one client per container.
const defaultClient = once(async () => new (await loadSecretsManager()).SecretsManagerClient({}))

/** Parses a JSON object; the SyntaxError is dropped on purpose, as V8 quotes the input (the secret) in it. */
function parseObject(secretId: string, text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InitError(
      `Secret ${secretId} is not a JSON object: store key/value JSON, or drop the json option`,
      {
        code: 'SECRET_NOT_JSON',
        names: [secretId],
      },
    )
  }
  return { ...parsed }
}

/**
 * A Secrets Manager secret read with GetSecretValue and cached with a TTL (see `cached()`): created at module
 * scope, it is fetched during INIT. Give a `ttlMs` shorter than your rotation period's grace time.
 *
 * @example
 * const db = secret('prod/orders/db', { ttlMs: 300_000, json: true })   // Cached<Record<string, unknown>>
 * const apiKey = secret('prod/orders/api-key', { ttlMs: 300_000 })      // Cached<string>
 * export const handler = async () => connect((await db()).password)
 */
export function secret<const TOptions extends SecretOptions>(
  secretId: string,
  options: TOptions,
): Cached<SecretValue<TOptions>> {
  if (typeof secretId !== 'string' || secretId === '') {
    throw new InitError('secret() needs a secret name or ARN', {
      code: 'INIT_INVALID_OPTION',
      path: ['secretId'],
    })
  }
  checkOptions(options)
  const { json, versionStage, versionId, client, clientConfig, ...cacheOptions } = options
  if (json !== undefined && typeof json !== 'boolean') checkFunction('json', json)
  const clientOf = clientSource(
    client,
    clientConfig === undefined
      ? defaultClient
      : async () => new (await loadSecretsManager()).SecretsManagerClient(clientConfig),
  )

  async function read(): Promise<unknown> {
    const { GetSecretValueCommand } = await loadSecretsManager()
    const command = new GetSecretValueCommand({
      SecretId: secretId,
      VersionStage: versionStage,
      VersionId: versionId,
    })
    const output = await (await clientOf()).send(command)
    if (output.SecretString === undefined) {
      throw new InitError(
        `Secret ${secretId} holds SecretBinary, not SecretString: read it with GetSecretValue`,
        {
          code: 'SECRET_NOT_STRING',
          names: [secretId],
        },
      )
    }
    if (json === undefined || json === false) return output.SecretString
    const parsed = parseObject(secretId, output.SecretString)
    return json === true ? parsed : json(parsed)
  }

  // read() returns what SecretValue<TOptions> describes for these options: the string, the object, or json's result.
  return cached(read as () => Promise<SecretValue<TOptions>>, { ...cacheOptions, name: `secret ${secretId}` })
}
