import * as z from 'zod'

/** An order as the shop's checkout puts it on the queue (the JSON body of each SQS message). */
export const orderSchema = z.object({
  orderId: z.string().regex(/^ord-[0-9A-Za-z-]{1,60}$/),
  customerId: z.string().min(1).max(64),
  items: z
    .array(z.object({ sku: z.string().min(1).max(32), quantity: z.number().int().min(1).max(1000) }))
    .min(1),
  totalCents: z.number().int().min(0),
  placedAt: z.iso.datetime(),
})

/** An order, parsed. */
export type Order = z.output<typeof orderSchema>
