import type { SourceActivity } from '../event-sources/source-types.ts'
import type { HttpRequestRecord } from '../http/exchange.ts'
import type { InvocationResult } from '../invocation.ts'

/**
 * What `sluice dev` reports, one line's worth each: an invocation (printed Lambda-like: START, logs, END,
 * REPORT), a source's batch or fate step, an HTTP request answered, a function reloaded after an edit, or a reload that failed.
 *
 * @example
 * const onLine = (line: DevLine) => { if (line.kind === 'reload') console.log(`[${line.function}] reloaded`) }
 */
export type DevLine =
  | { readonly kind: 'invocation'; readonly function: string; readonly result: InvocationResult }
  | { readonly kind: 'activity'; readonly activity: SourceActivity }
  | { readonly kind: 'request'; readonly request: HttpRequestRecord }
  | { readonly kind: 'reload'; readonly function: string; readonly files: readonly string[] }
  | { readonly kind: 'reload-failed'; readonly function: string; readonly message: string }
