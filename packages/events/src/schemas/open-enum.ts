import * as z from 'zod'

/**
 * A value of an enum that AWS extends over time: one of `values`, typed as those literals for autocompletion and
 * narrowing, or any other string (a value added after this schema was written), typed as `string & {}`.
 *
 * @example
 * type Step = OpenEnum<readonly ['createSecret', 'setSecret']> // 'createSecret' | 'setSecret' | (string & {})
 */
export type OpenEnum<$Values extends readonly string[]> = $Values[number] | (string & {})

const isString = (value: unknown): value is string => typeof value === 'string'

/**
 * The schema of an {@link OpenEnum}: any string is accepted (AWS adds values without notice, and a new one must
 * not turn a valid event into an outage); the known `values` only shape the type.
 *
 * @example
 * const step = openEnum(['createSecret', 'setSecret', 'testSecret', 'finishSecret'])
 * step.parse('createSecret') // typed 'createSecret' | … | (string & {})
 */
export const openEnum = <const $Values extends readonly [string, ...string[]]>(
  values: $Values,
): z.ZodType<OpenEnum<$Values>> =>
  z.custom<OpenEnum<$Values>>(isString, { error: `Invalid input: expected string (e.g. "${values[0]}")` })
