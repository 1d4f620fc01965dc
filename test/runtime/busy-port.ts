import { createServer } from 'node:net'

/**
 * Runs `use` with a 127.0.0.1 port that another server is listening on (the OS picks it), then closes that server,
 * whether `use` passed or threw: how the port-in-use errors of the CLI and of `start()` are tested.
 *
 * @example
 * await withBusyPort(async (port) => expect((await sluice(['invoke', file, '--port', String(port)])).code).not.toBe(0))
 */
export async function withBusyPort(use: (port: number) => Promise<void>): Promise<void> {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const address = blocker.address()
  try {
    await use(typeof address === 'object' && address !== null ? address.port : 0)
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
  }
}
