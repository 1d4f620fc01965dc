/**
 * One line of progress: `[█████░░░░░] 24/40  3 errors`.
 *
 * @example
 * renderProgressBar({ done: 1, total: 4, failed: 0, width: 8 }) // '[██░░░░░░] 1/4'
 */
export function renderProgressBar(state: {
  done: number
  total: number
  failed: number
  width?: number
}): string {
  const width = state.width ?? 30
  const share = state.total <= 0 ? 1 : state.done / state.total
  // Clamped, so a done count past the total (or below 0) cannot make `repeat` throw mid-run on a terminal.
  const filled = Math.min(width, Math.max(0, Math.round(share * width))) || 0
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${state.done}/${state.total}`
  return state.failed === 0 ? bar : `${bar}  ${state.failed} failed`
}

/** A progress line on a TTY stream that other output can print above. */
export interface ProgressBar {
  update(done: number, failed: number): void
  /** Clears the bar, prints `text` (via `print`) and redraws the bar. */
  above(print: () => void): void
  /** Removes the bar for good: later calls print nothing of it, so calling it again (in a `finally`) is safe. */
  clear(): void
}

/**
 * Draws a progress bar on `stream` with carriage returns; does nothing when the stream is not a TTY.
 *
 * @example
 * const bar = createProgressBar(process.stderr, 40)
 * bar.update(1, 0)
 */
export function createProgressBar(stream: { isTTY?: boolean; write(text: string): unknown }, total: number) {
  let active = stream.isTTY === true && total > 1
  let last = ''
  const draw = () => active && stream.write(`\r\u001b[2K${last}`)
  const bar: ProgressBar = {
    update(done, failed) {
      last = renderProgressBar({ done, total, failed })
      draw()
    },
    above(print) {
      if (active) stream.write('\r\u001b[2K')
      print()
      draw()
    },
    clear() {
      if (active) stream.write('\r\u001b[2K')
      active = false
    },
  }
  return bar
}
