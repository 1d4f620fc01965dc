/**
 * The identifiers reported, sorted, for order-free comparison.
 *
 * @example
 * reported({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'a' }] }) // ['a', 'b']
 */
export const reported = (response: { batchItemFailures: Array<{ itemIdentifier: string }> }): string[] =>
  response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()
