// C0 controls except tab and newline, DEL and C1 controls: a terminal acts on them (a carriage return rewrites the
// line, a form feed or an escape sequence clears the screen) instead of showing them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Makes text from a function safe to print on a terminal: line breaks (`\r\n`, `\r`, `\n`) become `\n` followed
 * by `indent`, and every other control character is shown as its Unicode control picture (`␛`, `␇`), so what the
 * function printed cannot move the cursor, clear the screen or hide a line.
 *
 * @example
 * terminalText('a\rb\u001b[2J', '  ') // 'a\n  b␛[2J'
 */
export function terminalText(text: string, indent = ''): string {
  return text
    .replace(/\r\n|\r|\n/g, `\n${indent}`)
    .replace(CONTROL, (char) => String.fromCharCode(controlPicture(char.charCodeAt(0))))
}

function controlPicture(code: number): number {
  if (code < 0x20) return 0x2400 + code
  if (code === 0x7f) return 0x2421
  // C1 controls have no pictures: the replacement character says something was there.
  return 0xfffd
}

/**
 * The first line of text from a function (an error message, say), whatever its line breaks: what fits on one line
 * of a summary. Pass it through {@link terminalText} before printing.
 *
 * @example
 * firstLine('boom\r\n    at handler') // 'boom'
 */
export function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/)[0] ?? ''
}
