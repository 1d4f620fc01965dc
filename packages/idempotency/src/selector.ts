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

/** What a selector found: the value, or where it is missing (`path` is empty for a function selector). */
export type Selected =
  | { readonly found: true; readonly value: unknown }
  | { readonly found: false; readonly path: ReadonlyArray<PropertyKey>; readonly cause?: unknown }

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

function readPath(event: unknown, segments: readonly string[]): Selected {
  let current = event
  for (let i = 0; i < segments.length; i++) {
    current = step(current, segments[i] ?? '')
    if (current === MISSING || current === undefined || current === null) {
      return { found: false, path: segments.slice(0, i + 1) }
    }
  }
  return { found: true, value: current }
}

/**
 * Turns a {@link Selector} into a function that reports the value or where it is missing: `undefined` and
 * `null` count as missing, and so does a selector function that throws (kept as `cause`). A list of paths
 * selects the array of their values.
 *
 * @example
 * compileSelector(['body.orderId'])({ body: '{"orderId":"o-1"}' }) // { found: true, value: ['o-1'] }
 */
export function compileSelector<TEvent>(selector: Selector<TEvent>): (event: TEvent) => Selected {
  if (typeof selector === 'function') {
    return function selectWithFunction(event) {
      try {
        const value = selector(event)
        return value === undefined || value === null ? { found: false, path: [] } : { found: true, value }
      } catch (cause) {
        return { found: false, path: [], cause }
      }
    }
  }
  const paths = selector.map((path) => path.split('.'))
  return function selectPaths(event) {
    const values: unknown[] = []
    for (const segments of paths) {
      const selected = readPath(event, segments)
      if (!selected.found) return selected
      values.push(selected.value)
    }
    return { found: true, value: values }
  }
}
