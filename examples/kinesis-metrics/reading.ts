import * as z from 'zod'

/** One request measured by a service, as producers put it on the stream (JSON in each record's `data`). */
export const readingSchema = z.object({
  service: z.string().min(1).max(64),
  route: z.string().min(1).max(128),
  status: z.number().int().min(100).max(599),
  latencyMs: z.number().min(0).max(900_000),
  at: z.iso.datetime(),
})

/** A reading, parsed. */
export type Reading = z.output<typeof readingSchema>
