/**
 * The Standard Schema v1 interface (https://standardschema.dev), copied as its authors intend so batch needs no
 * validation library: zod 4, valibot and arktype schemas all implement it.
 *
 * @example
 * const orderSchema: StandardSchemaV1<unknown, { id: string }> = z.object({ id: z.string() })
 */
export interface StandardSchemaV1<TInput = unknown, TOutput = TInput> {
  readonly '~standard': StandardSchemaProps<TInput, TOutput>
}

/** The `~standard` property of a {@link StandardSchemaV1}. */
export interface StandardSchemaProps<TInput = unknown, TOutput = TInput> {
  readonly version: 1
  readonly vendor: string
  readonly validate: (
    value: unknown,
  ) => StandardSchemaResult<TOutput> | Promise<StandardSchemaResult<TOutput>>
  readonly types?: { readonly input: TInput; readonly output: TOutput } | undefined
}

/** What a Standard Schema's `validate` returns: the value, or the issues. */
export type StandardSchemaResult<TOutput> =
  | { readonly value: TOutput; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue> }

/** One validation problem, with where it is. */
export interface StandardSchemaIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/**
 * The output type of a Standard Schema.
 *
 * @example
 * type Order = SchemaOutput<typeof orderSchema> // { id: string }
 */
export type SchemaOutput<TSchema> = TSchema extends StandardSchemaV1<unknown, infer TOutput> ? TOutput : never
