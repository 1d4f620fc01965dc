import { InvalidEventSpecError } from '../errors.ts'

/**
 * Typed reads of an event spec's query parameters (`sqs?records=10&fifo`). Each read checks the
 * value's kind; `assertAllRead` then rejects parameters the builder never asked for.
 *
 * @example
 * const params = specParams('records=3&fifo')
 * params.number('records') // 3
 * params.boolean('fifo') // true (a bare flag)
 * params.assertAllRead('sqs')
 */
export type SpecParams = {
  string(name: string): string | undefined
  number(name: string): number | undefined
  boolean(name: string): boolean | undefined
  assertAllRead(builder: string): void
}

/**
 * Parses the query part of an event spec.
 *
 * @example
 * specParams('method=POST&path=/orders').string('path') // '/orders'
 */
export function specParams(query: string): SpecParams {
  const values = new URLSearchParams(query)
  const read = new Set<string>()

  function raw(name: string): string | undefined {
    read.add(name)
    return values.get(name) ?? undefined
  }

  return {
    string: raw,
    number: function numberParam(name) {
      const value = raw(name)
      if (value === undefined) return undefined
      if (!/^-?\d+(\.\d+)?$/.test(value))
        throw new InvalidEventSpecError(name, `needs a number, got "${value}"`)
      return Number(value)
    },
    boolean: function booleanParam(name) {
      const value = raw(name)
      if (value === undefined) return undefined
      if (value === '' || value === 'true') return true
      if (value === 'false') return false
      throw new InvalidEventSpecError(name, `needs true or false, got "${value}"`)
    },
    assertAllRead: function assertAllRead(builder) {
      for (const name of values.keys()) {
        if (read.has(name)) continue
        const known = [...read].join(', ') || 'none'
        throw new InvalidEventSpecError(name, `"${builder}" takes no such parameter; it takes: ${known}`)
      }
    },
  }
}
