import type { EventSource, FateState } from '../event-sources/source-types.ts'
import type { Style } from './style.ts'
import { renderTable } from './table.ts'

/** Columns of the live view, and the fate states each one counts. */
const COLUMNS: ReadonlyArray<readonly [string, readonly FateState[]]> = [
  ['queued', ['queued']],
  ['in flight', ['in-flight']],
  ['waiting', ['redelivered']],
  ['processed', ['processed']],
  ['dlq/destination', ['dlq', 'destination', 'retries-exhausted']],
  ['dropped', ['dropped-by-age']],
]

/** Lines printed above a table that stays at the bottom of the terminal. */
export interface LiveView {
  /** Prints `lines` above the table. */
  print(lines: readonly string[]): void
  /** Redraws the table soon (at most every `intervalMs`). */
  refresh(): void
  /** Draws the table a last time and leaves it; later `print`s just print. */
  stop(): void
}

/**
 * The table of the live view: one row per source with how many of its messages are queued, in flight, waiting to
 * come back, processed, parked (DLQ or destination) and dropped.
 *
 * @example
 * liveTable([orders], style) // '┌────────┬───┬…'
 */
export function liveTable(
  sources: Iterable<Pick<EventSource, 'name' | 'kind' | 'fates'>>,
  style: Style,
): string {
  const rows = [...sources].map((source) => {
    const counts = new Map<FateState, number>()
    for (const fate of source.fates()) counts.set(fate.state, (counts.get(fate.state) ?? 0) + 1)
    const cells = COLUMNS.map(([, states]) =>
      states.reduce((sum, state) => sum + (counts.get(state) ?? 0), 0),
    )
    return [source.name, source.kind, ...cells.map(String)]
  })
  return renderTable([['source', 'kind', ...COLUMNS.map(([title]) => style.bold(title))], ...rows], {
    header: true,
  })
}

/**
 * On a TTY, keeps `table()` drawn below everything printed and redraws it in place; elsewhere (a pipe, a file)
 * just prints the lines, with no escape codes at all.
 *
 * @example
 * const view = createLiveView(process.stdout, () => liveTable(dev.sources.values(), style))
 * view.print(['[orders] batch 10 → success'])
 */
export function createLiveView(
  out: { readonly isTTY?: boolean; write(text: string): unknown },
  table: () => string,
  intervalMs = 200,
): LiveView {
  let live = out.isTTY === true
  let drawn = 0
  let timer: NodeJS.Timeout | undefined
  // Cursor up over the table, then erase to the end of the screen.
  const erase = () => (drawn === 0 ? '' : `\r\u001b[${drawn}A\u001b[J`)
  const draw = () => {
    const text = table()
    drawn = text.split('\n').length
    return `${text}\n`
  }
  return {
    print(lines) {
      const text = lines.map((line) => `${line}\n`).join('')
      if (!live) return void (text === '' || out.write(text))
      out.write(`${erase()}${text}${draw()}`)
    },
    refresh() {
      if (!live || timer !== undefined) return
      timer = setTimeout(() => {
        timer = undefined
        if (live) out.write(`${erase()}${draw()}`)
      }, intervalMs)
      timer.unref()
    },
    stop() {
      clearTimeout(timer)
      // The last counts stay on the screen, up to date.
      if (live) out.write(`${erase()}${draw()}`)
      live = false
    },
  }
}
