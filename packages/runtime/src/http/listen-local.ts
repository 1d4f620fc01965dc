import type { Server } from 'node:http'
import { SluiceRuntimeError } from '../errors.ts'

/**
 * Listens on 127.0.0.1:`port` (0 picks a free one) and resolves with the port bound; a taken port rejects with
 * `PORT_IN_USE`, so every local server sluice starts says the same thing about it.
 *
 * @example
 * const port = await listenLocal(createServer(handle), 0)
 */
export function listenLocal(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error)
      const message = `port ${port} on 127.0.0.1 is in use: pass port 0 to pick a free one, or stop what listens there`
      reject(new SluiceRuntimeError('PORT_IN_USE', message, { cause: error }))
    })
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : port)
    })
  })
}
