/**
 * The subjects of a group in the order they run in round `round`: as given in even rounds, reversed in odd ones,
 * so that no subject always runs right after another one (its garbage, its page cache, its warm CPU).
 *
 * @example
 * for (const { subject, fn } of inTurn(group.subjects, round)) rounds.get(subject)?.push(await slice(fn, sliceNs))
 */
export const inTurn = <T>(subjects: readonly T[], round: number): readonly T[] =>
  round % 2 === 0 ? subjects : [...subjects].reverse()
