import { setTimeout as sleep } from 'node:timers/promises'

/** One row of the export. */
export interface OrderRow {
  readonly id: string
  readonly customer: string
  readonly cents: number
}

const CUSTOMERS = ['ada', 'grace', 'edsger', 'barbara', 'donald'] as const
export const ROWS_PER_PAGE = 4

/**
 * Reads the orders a page at a time, as a paginated query does (DynamoDB `Query` with `ExclusiveStartKey`, a SQL
 * cursor): each page takes about 150 ms, and the export streams each page as it comes instead of holding them all.
 *
 * @example
 * for await (const page of readPages(3, signal)) send(page)
 */
export async function* readPages(pages: number, signal: AbortSignal): AsyncGenerator<readonly OrderRow[]> {
  for (let page = 0; page < pages; page += 1) {
    await sleep(150, undefined, { signal })
    yield Array.from({ length: ROWS_PER_PAGE }, (_, index) => {
      const n = page * ROWS_PER_PAGE + index
      return {
        id: `ord-${1000 + n}`,
        customer: CUSTOMERS[n % CUSTOMERS.length] ?? 'ada',
        cents: 995 + 37 * n,
      }
    })
  }
}

/**
 * A page as CSV lines (the fields are ids and numbers: nothing to quote).
 *
 * @example
 * toCsv([{ id: 'ord-1', customer: 'ada', cents: 995 }]) // 'ord-1,ada,995\n'
 */
export const toCsv = (rows: readonly OrderRow[]): string =>
  rows.map((row) => `${row.id},${row.customer},${row.cents}\n`).join('')
