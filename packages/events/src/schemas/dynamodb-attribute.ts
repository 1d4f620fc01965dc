import * as z from 'zod'
import { lazy } from '../lazy.ts'

/**
 * One DynamoDB attribute value in the wire format: exactly one of `S`, `N`, `B`, `BOOL`, `NULL`, `SS`, `NS`,
 * `BS`, `M` or `L`. Numbers (`N`, `NS`) are strings, as DynamoDB keeps them exact.
 *
 * @example
 * const price: DynamoDbAttributeValue = { N: '12.50' }
 */
export type DynamoDbAttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { M: { [name: string]: DynamoDbAttributeValue } }
  | { L: DynamoDbAttributeValue[] }

const MAX_DEPTH = 32

const isStringList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/**
 * Checks the wire format without building anything: one key, of the right kind. Depth is bounded by
 * DynamoDB itself (32 levels); deeper input is rejected rather than recursed into.
 *
 * @example
 * isDynamoDbAttributeValue({ M: { a: { N: '1' } } }) // true
 * isDynamoDbAttributeValue({ S: 'a', N: '1' }) // false
 */
export function isDynamoDbAttributeValue(value: unknown, depth = 0): value is DynamoDbAttributeValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth > MAX_DEPTH) return false
  let found: string | undefined
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (found !== undefined) return false
    found = key
  }
  if (found === undefined) return false
  const inner = (value as Record<string, unknown>)[found]
  switch (found) {
    case 'S':
    case 'N':
    case 'B':
      return typeof inner === 'string'
    case 'BOOL':
      return typeof inner === 'boolean'
    case 'NULL':
      return inner === true
    case 'SS':
    case 'NS':
    case 'BS':
      return isStringList(inner)
    case 'M':
      return isAttributeMap(inner, depth + 1)
    case 'L':
      return Array.isArray(inner) && inner.every((item) => isDynamoDbAttributeValue(item, depth + 1))
    default:
      return false
  }
}

function isAttributeMap(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (!isDynamoDbAttributeValue((value as Record<string, unknown>)[key], depth)) return false
  }
  return true
}

/**
 * A DynamoDB attribute value (see {@link DynamoDbAttributeValue}).
 *
 * @example
 * dynamoDbAttributeValueSchema.parse({ SS: ['a', 'b'] })
 */
export const dynamoDbAttributeValueSchema = lazy(() =>
  z.custom<DynamoDbAttributeValue>((value) => isDynamoDbAttributeValue(value), {
    error: 'a DynamoDB attribute value: an object with exactly one of S, N, B, BOOL, NULL, SS, NS, BS, M, L',
  }),
)

/**
 * An item or key in the wire format: attribute names to {@link DynamoDbAttributeValue}s.
 *
 * @example
 * dynamoDbItemSchema.parse({ pk: { S: 'user-1' }, visits: { N: '3' } })
 */
export const dynamoDbItemSchema = lazy(() => z.record(z.string(), dynamoDbAttributeValueSchema))
