import type { DivergenceKind } from './aws-lambda-divergences.ts'

type Leaves<F> = Exclude<keyof F, `${string}.${string}`>
type Under<F, K> = { [P in keyof F as P extends `${K & string}.${infer $Rest}` ? $Rest : never]: F[P] }
type Sub<F, K> = Under<F, string extends K ? '*' : number extends K ? '*' : K>
/** The entry of `F` for key `K`: its own, or the `*` leaf (every key of this object or map). */
type LeafKey<F, K> = string extends K
  ? '*' extends Leaves<F>
    ? '*'
    : never
  : number extends K
    ? never
    : K extends Leaves<F>
      ? K
      : '*' extends Leaves<F>
        ? '*'
        : never
type KindOf<F, K> =
  LeafKey<F, K> extends infer $Leaf extends keyof F
    ? F[$Leaf] extends readonly [infer $Kind extends DivergenceKind, string]
      ? $Kind
      : never
    : never
type Loosened<F, K, V> = KindOf<F, K> extends 'wider' ? unknown : KindOf<F, K> extends 'absent' ? V : V | null

/**
 * `T` (a `@types/aws-lambda` type) with the fields listed in `F` loosened as their kind says — `null` adds null,
 * `absent` makes the field optional, `absent-or-null` both, `wider` accepts anything — and every other field as
 * it is. A sluice type that extends `Loosen<AwsType, F>` matches the AWS type everywhere but in `F`.
 *
 * @example
 * type Relaxed = Loosen<SNSEvent, { 'Records.Sns.Subject': ['null', '…'] }> // Subject: string | null
 */
export type Loosen<T, F> = [keyof F] extends [never]
  ? T
  : T extends readonly (infer $Element)[]
    ? Array<Loosen<$Element, F>>
    : T extends object
      ? { [K in keyof T as [LeafKey<F, K>] extends [never] ? K : never]: Loosen<T[K], Sub<F, K>> } & {
          [K in keyof T as KindOf<F, K> extends 'null' ? K : never]: Loosen<T[K], Sub<F, K>> | null
        } & {
          [K in keyof T as [LeafKey<F, K>] extends [never]
            ? never
            : KindOf<F, K> extends 'null'
              ? never
              : K]?: Loosened<F, K, Loosen<T[K], Sub<F, K>>>
        }
      : T

/**
 * The paths of `F` that `TOurs` does not need to extend `TAws`: each must be a real divergence, so this is `never`.
 *
 * @example
 * type Stale = Unneeded<SnsEvent, SNSEvent, { 'Records.Sns.Subject': ['null', '…'] }> // never
 */
export type Unneeded<TOurs, TAws, F> = {
  [P in keyof F]: [TOurs] extends [Loosen<TAws, Omit<F, P>>] ? P : never
}[keyof F]
