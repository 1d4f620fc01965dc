import { canonicalText } from './canonical-json.ts'

/**
 * What identifies a request (or its payload): a function of the event, or a list of dotted paths into it
 * (`'body.orderId'`, `'Records.0.messageId'`). A path step that meets a JSON string (an API Gateway `body`)
 * parses it and goes on inside.
 *
 * @example
 * const byOrder: Selector<{ orderId: string }> = (event) => event.orderId
 * const byPaths: Selector<APIGatewayProxyEventV2> = ['body.orderId', 'requestContext.accountId']
 */
export type Selector<TEvent> = ((event: TEvent) => unknown) | readonly string[]

/** What a selector found: the key's canonical text, or where it is missing (`path` is `[]` for a function). */
export type Selected =
  | { readonly found: true; readonly text: string }
  | { readonly found: false; readonly path: ReadonlyArray<PropertyKey>; readonly cause?: unknown }

// Stands for "no such step" while a path is read.
const MISSING = Symbol('missing')

function step(container: unknown, segment: string): unknown {
  let current = container
  if (typeof current === 'string') {
    try {
      current = JSON.parse(current)
    } catch {
      return MISSING
    }
  }
  if (current === null || typeof current !== 'object') return MISSING
  if (!Object.hasOwn(current, segment)) return MISSING
  return (current as Record<string, unknown>)[segment]
}

/**
 * Follows `segments` into `event`: the value at the end, or where it stopped (`at`, the count of segments read,
 * the failing one included) when a step is absent, `undefined` or `null`.
 *
 * @example
 * readPath({ body: '{"id":1}' }, ['body', 'id']) // { value: 1 }
 */
export function readPath(event: unknown, segments: readonly string[]): { value: unknown } | { at: number } {
  let current = event
  for (let i = 0; i < segments.length; i++) {
    current = step(current, segments[i] ?? '')
    if (current === MISSING || current === undefined || current === null) return { at: i + 1 }
  }
  return { value: current }
}

/**
 * Turns a {@link Selector} into a function that gives the key's canonical text (see `canonicalText`) or where it
 * is missing. A value that carries no information (`undefined`, `null`, `NaN`, `''`, all-empty objects and
 * arrays) is missing, and so is a selector function that throws (kept as `cause`). A list of paths selects the
 * array of their values, and each path must carry information. A value that cannot be canonicalized throws
 * `IDEMPOTENCY_KEY_INVALID` with its path (`what` names it in the message).
 *
 * @example
 * compileSelector(['body.orderId'])({ body: '{"orderId":"o-1"}' }) // { found: true, text: '["o-1"]' }
 */
export function compileSelector<TEvent>(
  selector: Selector<TEvent>,
  what = 'idempotency key',
): (event: TEvent) => Selected {
  if (typeof selector === 'function') {
    return function selectWithFunction(event) {
      let value: unknown
      try {
        value = selector(event)
      } catch (cause) {
        return { found: false, path: [], cause }
      }
      const text = canonicalText(value, [], what)
      return text === undefined ? { found: false, path: [] } : { found: true, text }
    }
  }
  const paths = selector.map((path) => path.split('.'))
  return function selectPaths(event) {
    const texts: string[] = []
    for (const segments of paths) {
      const read = readPath(event, segments)
      const text = 'value' in read ? canonicalText(read.value, segments, what) : undefined
      if (text === undefined)
        return { found: false, path: 'at' in read ? segments.slice(0, read.at) : segments }
      texts.push(text)
    }
    // The same text canonicalText gives the array of the paths' values, none of which is empty.
    return { found: true, text: `[${texts.join(',')}]` }
  }
}
