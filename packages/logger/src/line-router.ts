import type { DestinationStream, Logger } from 'pino'
import type { LineBuffer } from './line-buffer.ts'

// pino sets lastLevel and lastLogger on a destination that carries this symbol (documented for custom streams).
const METADATA = Symbol.for('pino.metadata')
const ERROR = 50

/** Where a child logger keeps its invocation's buffering state; children of the child inherit it. */
export const INVOCATION = Symbol('sluice.logger.invocation')

/** Buffering state of one invocation, found on its child logger under {@link INVOCATION}. */
export interface InvocationLines {
  /** Lines at or above this level value go out at once; the rest are kept in `buffer`. */
  readonly threshold: number
  readonly buffer: LineBuffer
  /** The invocation's child logger, which writes the note about dropped lines. */
  readonly log: Logger
  /** False once the invocation ended: later lines below the threshold are dropped, not kept. */
  open: boolean
  /** True while the buffer is being written out, so the router lets every line through. */
  draining: boolean
  /** True once the invocation is known to fail (an error, a 5xx response, the timeout guard): lines go out at once. */
  failed: boolean
  /** Called when a line is kept, until it returns true: registers the flush with a guard that came later. */
  watch: (() => boolean) | undefined
}

type Flushable = DestinationStream & { flush?: (callback: (error?: Error) => void) => void }

type WithInvocation = { [INVOCATION]?: InvocationLines }

/**
 * The destination every root logger writes to: lines pass straight to the real (synchronous) destination,
 * except lines below an invocation's level while it buffers, which wait in that invocation's buffer.
 *
 * @example
 * const root = pino({ level: 'debug' }, new LineRouter(pino.destination({ fd: 1, sync: true })))
 */
export class LineRouter implements DestinationStream {
  // Off until a middleware buffers through this root: pino then skips recording metadata on every line.
  [METADATA] = false
  lastLevel = 0
  lastLogger: WithInvocation | undefined = undefined
  readonly destination: DestinationStream

  constructor(destination: DestinationStream) {
    this.destination = destination
  }

  /** Turns on the per-line metadata buffering needs (pino reads the flag on every write). */
  enableBuffering(): void {
    this[METADATA] = true
  }

  write(line: string): void {
    if (!this[METADATA]) {
      this.destination.write(line)
      return
    }
    const state = this.lastLogger?.[INVOCATION]
    if (state === undefined || state.draining || state.failed) {
      this.destination.write(line)
      return
    }
    const level = this.lastLevel
    if (level >= state.threshold) {
      if (level >= ERROR && state.buffer.limits.flushOnErrorLog && state.buffer.size > 0) this.drain(state)
      this.destination.write(line)
    } else if (state.open) {
      state.buffer.push(line)
      if (state.watch?.()) state.watch = undefined
    }
  }

  /** pino's `logger.flush(cb)` lands here: flush the real destination when it can (sonic-boom does). */
  flush(callback?: (error?: Error) => void): void {
    const destination: Flushable = this.destination
    if (typeof destination.flush === 'function') destination.flush(callback ?? (() => {}))
    else callback?.()
  }

  /** Writes out an invocation's kept lines, oldest first, after a warn line when some were dropped. */
  drain(state: InvocationLines): void {
    state.draining = true
    try {
      const dropped = state.buffer.dropped
      const lines = state.buffer.take()
      state.buffer.dropped = 0
      if (dropped > 0) {
        const { maxLines, maxBytes } = state.buffer.limits
        state.log.warn(
          { droppedLines: dropped },
          `log buffer full: ${dropped} older line(s) dropped (limits: ${maxLines} lines, ${maxBytes} characters)`,
        )
      }
      for (const line of lines) this.destination.write(line)
    } finally {
      state.draining = false
    }
  }
}
