// dynalite ships no types; this is the part the idempotency tests, the sqs-orders example and the bench use.
declare module 'dynalite' {
  import type { Server } from 'node:http'

  function dynalite(options?: {
    createTableMs?: number
    deleteTableMs?: number
    maxItemSizeKb?: number
  }): Server
  export default dynalite
}
