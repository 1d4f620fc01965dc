/** A promise that never settles: a stuck call. */
export const hang = (): Promise<never> => new Promise<never>(() => {})

/** Watches a promise without awaiting it, so a test can check whether and how it settled so far. */
export const settledValue = <T>(promise: Promise<T>): { done: boolean; value?: T; error?: unknown } => {
  const box: { done: boolean; value?: T; error?: unknown } = { done: false }
  promise.then(
    (value) => Object.assign(box, { done: true, value }),
    (error: unknown) => Object.assign(box, { done: true, error }),
  )
  return box
}
