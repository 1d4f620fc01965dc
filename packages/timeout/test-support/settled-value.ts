/**
 * Watches a promise without awaiting it, so a test can check whether and how it settled so far.
 *
 * @example
 * const box = settledValue(sleep(100, { clock }))
 * await clock.advance(100) // box.done is now true
 */
export const settledValue = <T>(promise: Promise<T>): { done: boolean; value?: T; error?: unknown } => {
  const box: { done: boolean; value?: T; error?: unknown } = { done: false }
  promise.then(
    (value) => Object.assign(box, { done: true, value }),
    (error: unknown) => Object.assign(box, { done: true, error }),
  )
  return box
}
