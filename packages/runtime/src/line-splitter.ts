/** Splits a byte stream into lines; `flush` returns a trailing partial line, if any. */
export interface LineSplitter {
  push(chunk: Buffer | string): string[]
  flush(): string[]
}

/**
 * Creates a splitter for a child's stdout/stderr. Handles chunks that cut lines (and UTF-8 characters) in two.
 *
 * @example
 * const lines = createLineSplitter()
 * lines.push('a\nb') // ['a']
 * lines.flush()      // ['b']
 */
export function createLineSplitter(): LineSplitter {
  const decoder = new TextDecoder()
  let pending = ''
  return {
    push(chunk) {
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
      const parts = pending.split('\n')
      pending = parts.pop() ?? ''
      return parts.map(stripCarriageReturn)
    },
    flush() {
      const rest = pending
      pending = ''
      return rest === '' ? [] : [stripCarriageReturn(rest)]
    },
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}
