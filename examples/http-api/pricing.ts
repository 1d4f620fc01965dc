import { SluiceError } from '@sluice/core'
import type { QuoteRequest } from './quote-request.ts'

/** The product catalogue the quote is priced from. */
export interface Catalog {
  readonly currency: string
  readonly taxRates: Readonly<Record<string, number>>
  readonly coupons: Readonly<Record<string, number>>
  readonly products: Readonly<Record<string, { name: string; priceCents: number; stock: number }>>
}

/** A priced quote: what `POST /quotes` answers with. */
export interface Quote {
  readonly customerId: string
  readonly currency: string
  readonly lines: ReadonlyArray<{ sku: string; name: string; quantity: number; cents: number }>
  readonly subtotalCents: number
  readonly discountCents: number
  readonly taxCents: number
  readonly totalCents: number
}

/**
 * Prices a quote request. The client's mistakes are `SluiceError`s marked `expose` with the status the API
 * answers: an unknown product (422 `SKU_UNKNOWN`), more than is in stock (409 `OUT_OF_STOCK`), an unknown coupon
 * (422 `COUPON_UNKNOWN`), each with the `path` into the body.
 *
 * @example
 * priceQuote({ customerId: 'c-1', country: 'DE', items: [{ sku: 'MUG-STONE', quantity: 2 }] }, catalog).totalCents
 */
export function priceQuote(request: QuoteRequest, catalog: Catalog): Quote {
  const lines = request.items.map(({ sku, quantity }, index) => {
    const product = catalog.products[sku]
    if (product === undefined) {
      throw new SluiceError(`There is no product ${sku}: check the SKU against the catalogue`, {
        code: 'SKU_UNKNOWN',
        expose: true,
        status: 422,
        path: ['body', 'items', index, 'sku'],
      })
    }
    if (quantity > product.stock) {
      throw new SluiceError(`Only ${product.stock} of ${sku} in stock: lower the quantity`, {
        code: 'OUT_OF_STOCK',
        expose: true,
        status: 409,
        path: ['body', 'items', index, 'quantity'],
      })
    }
    return { sku, name: product.name, quantity, cents: product.priceCents * quantity }
  })
  const rate = request.coupon === undefined ? 0 : catalog.coupons[request.coupon]
  if (rate === undefined) {
    throw new SluiceError('This coupon does not exist or has expired: remove it', {
      code: 'COUPON_UNKNOWN',
      expose: true,
      status: 422,
      path: ['body', 'coupon'],
    })
  }
  const subtotalCents = lines.reduce((sum, line) => sum + line.cents, 0)
  const discountCents = Math.round(subtotalCents * rate)
  const taxCents = Math.round((subtotalCents - discountCents) * (catalog.taxRates[request.country] ?? 0))
  return {
    customerId: request.customerId,
    currency: catalog.currency,
    lines,
    subtotalCents,
    discountCents,
    taxCents,
    totalCents: subtotalCents - discountCents + taxCents,
  }
}
