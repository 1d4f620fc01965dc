import { TextDecoder } from 'node:util'
import type { HttpPrelude } from '../http-prelude.ts'
import type { InvocationResult, InvokeOptions } from '../invocation.ts'
import type { Style } from './style.ts'
import { terminalText } from './terminal-text.ts'

/** Where {@link createStreamPrinter} writes: text, printed above the progress bar. */
export interface StreamOutput {
  print(text: string): void
}

/** Prints streamed responses while they arrive. */
export interface StreamPrinter {
  /** The `onChunk`/`onPrelude` callbacks for invocation number `index` (0-based). */
  listen(index: number): Pick<InvokeOptions, 'onChunk' | 'onPrelude'>
  /** Invocation `index` ended: closes its last line so what follows starts on a line of its own. */
  end(index: number): void
}

interface Shown {
  readonly decoder: TextDecoder
  binary: boolean
  /** Whether what was printed last for it ended a line. */
  atLineStart: boolean
}

/**
 * Shows streamed bodies as they arrive, as `curl -N` would: one invocation's body as it is (text; binary as
 * `‹N bytes›`), or with `labelled` (several invocations, whose chunks interleave) every line prefixed `#n │`.
 * An HTTP prelude is shown first as one dim line. On a terminal (`pretty`), control characters in the body are
 * shown as pictures so a body cannot move the cursor.
 *
 * @example
 * const printer = createStreamPrinter({ print: (text) => process.stdout.write(text) }, style, { labelled: false, pretty: true })
 * await runtime.invoke(event, printer.listen(0))
 * printer.end(0)
 */
export function createStreamPrinter(
  out: StreamOutput,
  style: Style,
  mode: { labelled: boolean; pretty: boolean },
): StreamPrinter {
  const shown = new Map<number, Shown>()
  const label = (index: number) => (mode.labelled ? style.dim(`#${index + 1} │ `) : '')
  const stateOf = (index: number): Shown => {
    const known = shown.get(index)
    if (known !== undefined) return known
    // Streaming decode: a character split across two chunks is shown whole, with the second.
    const fresh = { decoder: new TextDecoder('utf-8', { fatal: true }), binary: false, atLineStart: true }
    shown.set(index, fresh)
    return fresh
  }
  const safe = (text: string) => (mode.pretty ? terminalText(text) : text)
  const write = (index: number, text: string) => {
    const state = stateOf(index)
    if (text === '') return
    if (mode.labelled) {
      const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n')
      out.print(`${lines.map((line) => `${label(index)}${line}`).join('\n')}\n`)
    } else {
      out.print(text)
    }
    state.atLineStart = mode.labelled || text.endsWith('\n')
  }
  return {
    listen(index) {
      return {
        onPrelude: (prelude) => {
          const state = stateOf(index)
          if (!state.atLineStart) out.print('\n')
          out.print(`${label(index)}${style.dim(safe(describePrelude(prelude)))}\n`)
          state.atLineStart = true
        },
        onChunk: (chunk) => {
          const state = stateOf(index)
          if (!state.binary) {
            try {
              return write(index, safe(state.decoder.decode(chunk.data, { stream: true })))
            } catch {
              state.binary = true
            }
          }
          write(index, style.dim(`‹${chunk.data.byteLength} bytes› `))
        },
      }
    },
    end(index) {
      const state = shown.get(index)
      if (state !== undefined && !state.atLineStart) out.print('\n')
      shown.delete(index)
    },
  }
}

/**
 * A prelude as one line: `HTTP 201 · content-type: text/html · set-cookie: a=1`.
 *
 * @example
 * describePrelude({ statusCode: 404 }) // 'HTTP 404'
 */
export function describePrelude(prelude: HttpPrelude): string {
  const headers = Object.entries(prelude.headers ?? {}).map(([name, value]) => `${name}: ${value}`)
  const cookies = (prelude.cookies ?? []).map((cookie) => `set-cookie: ${cookie}`)
  return [`HTTP ${prelude.statusCode ?? 200}`, ...headers, ...cookies].join(' · ')
}

/**
 * The line printed after the REPORT of a streamed response: chunks, bytes, time to first byte, time throttled.
 *
 * @example
 * streamSummary(result) // 'STREAM 3 chunks  24 bytes  first byte 101.52 ms  text/plain'
 */
export function streamSummary(result: InvocationResult): string | undefined {
  const { stream } = result
  if (stream === undefined) return undefined
  const parts = [
    `STREAM ${stream.chunks.length} chunk${stream.chunks.length === 1 ? '' : 's'}`,
    `${stream.bytes} bytes`,
    ...(result.firstByteMs === undefined ? [] : [`first byte ${result.firstByteMs.toFixed(2)} ms`]),
    ...(stream.throttledMs > 0 ? [`throttled ${stream.throttledMs.toFixed(0)} ms`] : []),
    ...(stream.prelude === undefined ? [] : [`HTTP ${stream.prelude.statusCode ?? 200}`]),
    stream.contentType,
  ]
  return parts.join('  ')
}
