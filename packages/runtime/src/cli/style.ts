/** ANSI styling that is a no-op when disabled (not a TTY, or NO_COLOR set). */
export interface Style {
  readonly enabled: boolean
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  cyan(text: string): string
}

/**
 * Creates a {@link Style}; colours only on a TTY, and not when `NO_COLOR` is set to anything but '' (no-color.org)
 * or `TERM` is `dumb`.
 *
 * @example
 * const style = createStyle(process.stdout.isTTY === true, process.env)
 * console.log(style.green('ok'))
 */
export function createStyle(isTty: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const enabled = isTty && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb'
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  }
}
