import { pino } from 'pino'
import type { FieldStyle } from './fields.ts'
import { powertoolsError } from './powertools-error.ts'

const text = (get: () => unknown): string | undefined => {
  try {
    const value = get()
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * How errors are written in a style: pino's standard serializer (`type`, `message` and `stack` with causes,
 * own fields) or Powertools' (`name`, `location`, `message`, `stack`, `cause`). An error the serializer
 * cannot read (a frozen error pino cannot tag, getters or a `cause` that throw) gets a bare shape from what
 * can be read. Never throws.
 *
 * @example
 * errorShape('sluice')(new TypeError('bad')) // { type: 'TypeError', message: 'bad', stack: '…' }
 */
export const errorShape = (style: FieldStyle): ((error: Error) => object) => {
  const serialize: (error: Error) => unknown =
    style === 'powertools' ? powertoolsError : pino.stdSerializers.err
  const nameKey = style === 'powertools' ? 'name' : 'type'
  return function shapeError(error) {
    try {
      const shaped = serialize(error)
      if (typeof shaped === 'object' && shaped !== null) return shaped
    } catch {
      // fall through to what can be read
    }
    return {
      [nameKey]: text(() => error.name) ?? 'Error',
      message: text(() => error.message) ?? '',
      stack: text(() => error.stack),
    }
  }
}
