import { fileURLToPath } from 'node:url'
import { type InvocationResult, startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'
import { runSluice } from './process-helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/runtime/sleep.mjs#handler'

function tenantsByContainer(results: readonly Pick<InvocationResult, 'containerId' | 'tenantId'>[]) {
  const tenants = new Map<string, Set<string | undefined>>()
  for (const { containerId, tenantId } of results) {
    tenants.set(containerId, (tenants.get(containerId) ?? new Set()).add(tenantId))
  }
  return tenants
}

describe('tenant isolation', () => {
  it('sends the tenant id to the handler and never runs two tenants in one container', async () => {
    await using runtime = await startRuntime({ handler, cwd: root, concurrency: 4, maxConcurrency: 2 })
    const tenants = ['acme', 'globex', 'acme', 'initech', 'globex', 'acme', 'initech', 'acme']
    const results = await Promise.all(tenants.map((tenantId) => runtime.invoke({ ms: 100 }, { tenantId })))
    expect(results.map((result) => result.tenantId)).toEqual(tenants)
    expect(results.map((result) => result.result)).toEqual(
      tenants.map((tenantId) => expect.objectContaining({ tenantId })),
    )
    for (const served of tenantsByContainer(results).values()) expect(served.size).toBe(1)
    // Two slots, three tenants: an idle container of another tenant made room instead of a deadlock.
    expect(new Set(results.map((result) => result.containerId)).size).toBeGreaterThanOrEqual(3)
  })

  it('keeps invocations without a tenant off tenant containers', async () => {
    await using runtime = await startRuntime({ handler, cwd: root, concurrency: 2, maxConcurrency: 4 })
    const results = await Promise.all([
      runtime.invoke({ ms: 100 }, { tenantId: 'acme' }),
      runtime.invoke({ ms: 100 }),
      runtime.invoke({ ms: 100 }, { tenantId: 'acme' }),
    ])
    for (const served of tenantsByContainer(results).values()) expect(served.size).toBe(1)
    expect(results[1]?.tenantId).toBeUndefined()
  })

  it('refuses an empty tenant id with RUNTIME_INVALID_OPTION', async () => {
    await using runtime = await startRuntime({ handler, cwd: root })
    await expect(runtime.invoke({}, { tenantId: '' })).rejects.toMatchObject({
      code: 'RUNTIME_INVALID_OPTION',
    })
  })

  it('sluice invoke --tenant-id a,b spreads invocations over the tenants and prints them in --json', async () => {
    const args = ['invoke', handler, '--count', '4', '--concurrency', '2', '--tenant-id', 'a,b', '--json']
    const run = await runSluice(args, root)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    const invocations: { containerId: string; tenantId?: string }[] = doc.invocations
    expect(invocations.map((invocation) => invocation.tenantId).sort()).toEqual(['a', 'a', 'b', 'b'])
    for (const served of tenantsByContainer(invocations).values()) expect(served.size).toBe(1)
    expect(doc.config.tenantIds).toEqual(['a', 'b'])
    const bad = await runSluice(['invoke', handler, '--tenant-id', 'a,,b'], root)
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('--tenant-id takes tenant ids')
  })
})
