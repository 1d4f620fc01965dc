import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HandlerSpec } from './handler-spec.ts'

/**
 * Writes a container's task root: one `<module>.mjs` that re-exports the user's module by URL, so the RIC's
 * own loader (which only tries `'' .js .mjs .cjs` under LAMBDA_TASK_ROOT) reaches a `.ts` file that Node
 * strips natively. Returns the `_HANDLER` value. `export *` keeps missing exports missing, so the RIC reports
 * `Runtime.HandlerNotFound` exactly as Lambda would.
 *
 * @example
 * const handler = await writeTaskRoot('/tmp/c1/task', spec) // 'handler.handler'
 */
export async function writeTaskRoot(dir: string, spec: HandlerSpec): Promise<string> {
  await mkdir(dir, { recursive: true })
  const url = JSON.stringify(spec.url)
  const source = [
    `import * as userModule from ${url}`,
    `export * from ${url}`,
    'export default userModule.default',
    '',
  ].join('\n')
  await writeFile(join(dir, `${spec.moduleName}.mjs`), source)
  return `${spec.moduleName}.${spec.exportName}`
}
