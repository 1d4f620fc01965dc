import type { DestinationStream } from 'pino'

/** A synchronous destination that keeps every line, for tests. */
export interface MemoryDestination extends DestinationStream {
  /** Raw lines as written, newline included. */
  readonly lines: string[]
  /** Every line parsed as JSON. */
  records(): Array<Record<string, unknown>>
}

/**
 * A destination that keeps lines in memory instead of writing them to stdout: pass it as `destination` in
 * tests and read what was logged.
 *
 * @example
 * const out = memoryDestination()
 * const handler = lambda().use(logger({ destination: out })).handler((_, context) => context.log.info('hi'))
 * await invoke(handler, {})
 * out.records()[0]?.msg // 'hi'
 */
export const memoryDestination = (): MemoryDestination => {
  const lines: string[] = []
  return {
    lines,
    write: function writeToMemory(line: string) {
      lines.push(line)
    },
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}
