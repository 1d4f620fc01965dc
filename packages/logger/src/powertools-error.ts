const LOCATION = /\(([^()]*?):(\d+?):(\d+?)\)\\?$/

const location = (stack: string | undefined): string => {
  for (const line of stack?.split('\n') ?? []) {
    const match = LOCATION.exec(line)
    if (match) return `${match[1]}:${Number(match[2])}`
  }
  return ''
}

const format = (error: Error, seen: Set<Error>): Record<string, unknown> => {
  seen.add(error)
  const { name, message, stack, cause } = error
  const formatted: Record<string, unknown> = {
    name,
    location: location(typeof stack === 'string' ? stack : undefined),
    message,
    stack,
    // A cause chain that loops back is cut where it does.
    cause: cause instanceof Error ? (seen.has(cause) ? '[Circular]' : format(cause, seen)) : cause,
  }
  for (const key of Object.keys(error)) {
    if (key !== 'name' && key !== 'message' && key !== 'stack' && key !== 'cause') {
      formatted[key] = (error as unknown as Record<string, unknown>)[key]
    }
  }
  return formatted
}

/**
 * Serialises an error the way Powertools Logger does (`name`, `location`, `message`, `stack`, `cause`, then
 * the error's own fields), for `fieldNames: 'powertools'`. Anything that is not an Error is left as it is.
 *
 * @example
 * powertoolsError(new TypeError('bad')) // { name: 'TypeError', location: '/var/task/index.js:3', message: 'bad', … }
 */
export const powertoolsError = (error: unknown): unknown =>
  error instanceof Error ? format(error, new Set()) : error
