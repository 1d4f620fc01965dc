import type { GetParametersCommandOutput, Parameter, SSMClient, SSMClientConfig } from '@aws-sdk/client-ssm'
import { type Cached, cached } from './cached.ts'
import type { CachedOptions } from './cached-options.ts'
import { InitError } from './errors.ts'
import { once } from './once.ts'
import { checkOptions, clientSource, loadSsm } from './sdk.ts'

/** GetParameters takes at most this many names per call (the API's limit). */
export const SSM_BATCH_SIZE = 10

/** Options of {@link ssmParameters}: the cache's, plus where and how to read. */
export interface SsmParametersOptions extends Omit<CachedOptions, 'name'> {
  /** Decrypt `SecureString` parameters (`WithDecryption`). Default true. */
  readonly decrypt?: boolean
  /** The SSM client to use. Default: one created once per container (from `clientConfig` if given). */
  readonly client?: SSMClient
  /** Config for the client created when `client` is not given. */
  readonly clientConfig?: SSMClientConfig
}

/** Parameter values by the names asked for (a `StringList` stays one comma-separated string). */
export type SsmValues<TName extends string> = { readonly [K in TName]: string }

// Shared by every helper call without its own client or config: one client per container.
const defaultClient = once(async () => new (await loadSsm()).SSMClient({}))

function checkNames(names: readonly string[]): void {
  const ok = Array.isArray(names) && names.length > 0
  if (!ok || names.some((name) => typeof name !== 'string' || name === '')) {
    throw new InitError('ssmParameters() needs a non-empty array of parameter names, e.g. ["/app/table"]', {
      code: 'INIT_INVALID_OPTION',
      path: ['names'],
    })
  }
}

/** The parameter answering `requested`: by name, by `name:version` / `name:label` (its Selector), or by ARN. */
const answers = (requested: string, { Name, Selector, ARN }: Parameter): boolean =>
  Name === requested ||
  ARN === requested ||
  (Selector !== undefined && `${Name}:${Selector.replace(/^:/, '')}` === requested)

/**
 * Reads the names with GetParameters, 10 per call, the calls in parallel; any name SSM reports as invalid (or
 * does not answer) fails the whole read with `SSM_PARAMETERS_INVALID`.
 *
 * @example
 * const values = await getSsmParameters(client, ['/a', '/b'], true)
 */
export async function getSsmParameters(
  client: SSMClient,
  names: readonly string[],
  decrypt: boolean,
): Promise<Record<string, string>> {
  const { GetParametersCommand } = await loadSsm()
  const unique = [...new Set(names)]
  const batches: string[][] = []
  for (let i = 0; i < unique.length; i += SSM_BATCH_SIZE) batches.push(unique.slice(i, i + SSM_BATCH_SIZE))
  const outputs: GetParametersCommandOutput[] = await Promise.all(
    batches.map((batch) => client.send(new GetParametersCommand({ Names: batch, WithDecryption: decrypt }))),
  )
  const parameters = outputs.flatMap((output) => output.Parameters ?? [])
  const invalid = outputs.flatMap((output) => output.InvalidParameters ?? [])
  const values: Record<string, string> = {}
  for (const name of unique) {
    const found = parameters.find((parameter) => answers(name, parameter))
    if (found?.Value === undefined) {
      if (!invalid.includes(name)) invalid.push(name)
    } else values[name] = found.Value
  }
  if (invalid.length > 0) {
    throw new InitError(
      `SSM has no readable parameter named ${invalid.join(', ')}: create it or fix the name ` +
        '(GetParameters listed it in InvalidParameters)',
      { code: 'SSM_PARAMETERS_INVALID', names: invalid },
    )
  }
  return values
}

/**
 * SSM Parameter Store values, read with batched GetParameters and cached with a TTL (see `cached()`): created
 * at module scope, they are fetched during INIT. Values come back by the names asked for, typed.
 *
 * @example
 * const config = ssmParameters(['/orders/table', '/orders/api-key'], { ttlMs: 300_000 })
 * export const handler = async () => (await config())['/orders/table']
 */
export function ssmParameters<const TNames extends readonly string[]>(
  names: TNames,
  options: SsmParametersOptions,
): Cached<SsmValues<TNames[number]>> {
  checkNames(names)
  checkOptions(options)
  const { decrypt = true, client, clientConfig, ...cacheOptions } = options
  const clientOf = clientSource(
    client,
    clientConfig === undefined ? defaultClient : async () => new (await loadSsm()).SSMClient(clientConfig),
  )
  const shown =
    names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')
  const name = `SSM parameter${names.length === 1 ? '' : 's'} ${shown}`
  return cached(
    // The record holds exactly the names asked for (getSsmParameters fails otherwise), as SsmValues says.
    async () => (await getSsmParameters(await clientOf(), names, decrypt)) as SsmValues<TNames[number]>,
    { ...cacheOptions, name },
  )
}
