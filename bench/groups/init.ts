import { BaseProvider } from '@aws-lambda-powertools/parameters/base'
import { cached, once } from '@sluice/init'
import type { BenchGroup } from '../types.ts'

const config = { table: 'orders', limit: 25 }
const MAX_AGE_S = 300

// once(): the accessor against the module-level variable it replaces.
const bareClient = { name: 'client' }
const onceClient = once(() => ({ name: 'client' }))
onceClient()

// cached(): a warm read against a hand-rolled TTL check and Powertools Parameters' cache.
let bareExpiresAt = Date.now() + MAX_AGE_S * 1000
const bareRead = async () => {
  if (Date.now() >= bareExpiresAt) bareExpiresAt = Date.now() + MAX_AGE_S * 1000
  return config
}

/** Powertools' own base class, as its SSM, Secrets and AppConfig providers use it; the fetch never runs warm. */
class InMemoryProvider extends BaseProvider {
  constructor() {
    super({})
  }
  protected async _get(): Promise<unknown> {
    return config
  }
  protected async _getMultiple(): Promise<Record<string, unknown>> {
    return { config }
  }
}
const powertools = new InMemoryProvider()
await powertools.get('/app/config', { maxAge: MAX_AGE_S })

const sluiceConfig = cached(async () => config, { ttlMs: MAX_AGE_S * 1000 })
await sluiceConfig()

/** Warm-path cost of reading an init-time value: once() and cached() against their anchors. */
export const groups: BenchGroup[] = [
  {
    name: 'init: once() accessor, warm',
    note: 'bare = reading a module-level variable',
    subjects: [
      { subject: 'bare', fn: () => bareClient },
      { subject: 'sluice', fn: () => onceClient() },
    ],
  },
  {
    name: 'init: cached value read, warm',
    targets: [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }],
    note: 'bare = async fn with a Date.now() TTL check; powertools = Parameters BaseProvider.get() cache hit (maxAge 300 s)',
    subjects: [
      { subject: 'bare', fn: () => bareRead() },
      { subject: 'powertools', fn: () => powertools.get('/app/config', { maxAge: MAX_AGE_S }) },
      { subject: 'sluice', fn: () => sluiceConfig() },
    ],
  },
]
