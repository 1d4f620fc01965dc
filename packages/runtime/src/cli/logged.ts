/**
 * Whether some line holds `text`, as written or escaped inside a JSON string (the RIC's JSON log lines).
 *
 * @example
 * isLogged(['{"message":"a \\"quoted\\" b"}'], 'a "quoted" b') // true
 */
export function isLogged(lines: readonly string[], text: string): boolean {
  if (text === '') return false
  const escaped = JSON.stringify(text).slice(1, -1)
  return lines.some((line) => line.includes(text) || line.includes(escaped))
}
