import * as z from 'zod'

/** The JSON body of `POST /quotes`: what the client wants priced. */
export const quoteRequestSchema = z.object({
  customerId: z.string().min(1).max(64),
  country: z.enum(['DE', 'FR', 'NL', 'US']),
  items: z
    .array(z.object({ sku: z.string().min(1).max(32), quantity: z.number().int().min(1).max(100) }))
    .min(1)
    .max(50),
  coupon: z.string().max(32).optional(),
})

/** The request body as the handler sees it, once parsed. */
export type QuoteRequest = z.output<typeof quoteRequestSchema>
