/**
 * Renders rows as a box-drawn table with aligned columns; the first row is the header when `header` is set.
 *
 * @example
 * renderTable([['metric', 'value'], ['p50', '2.1 ms']], { header: true })
 */
export function renderTable(
  rows: readonly (readonly string[])[],
  options: { header?: boolean } = {},
): string {
  const columns = Math.max(0, ...rows.map((row) => row.length))
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...rows.map((row) => visibleLength(row[column] ?? ''))),
  )
  const line = (left: string, middle: string, right: string) =>
    left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right
  const render = (row: readonly string[]) =>
    `│${widths.map((width, column) => ` ${pad(row[column] ?? '', width)} `).join('│')}│`
  const out = [line('┌', '┬', '┐')]
  rows.forEach((row, index) => {
    out.push(render(row))
    if (index === 0 && options.header === true && rows.length > 1) out.push(line('├', '┼', '┤'))
  })
  out.push(line('└', '┴', '┘'))
  return out.join('\n')
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(width - visibleLength(text))
}

function visibleLength(text: string): number {
  // ANSI colour codes take no columns.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC of ANSI codes is the point
  return text.replace(/\u001b\[[0-9;]*m/g, '').length
}
