import { createServer, type ServerResponse } from 'node:http'

// Tests whose handlers run in another process (the local runtime's containers, their worker threads) arrange
// overlap through this meeting point on 127.0.0.1: handlers `arrive` at named points and wait at named gates;
// the test watches the arrivals and opens the gates. "B started before A ended" is then something the test set
// up, not a matter of timing. The handler half reads the URL from `RENDEZVOUS_URL`.

/** The test's half: where handlers meet, and the controls. */
export interface Rendezvous {
  /** Give it to the function as `RENDEZVOUS_URL`. */
  readonly url: string
  /** Arrivals at `point` so far. */
  count(point: string): number
  /** Resolves once `point` has had `arrivals` arrivals. */
  reached(point: string, arrivals: number): Promise<void>
  /** Lets every handler waiting at `gate` through, and any that comes to it later. */
  open(gate: string): void
  stop(): Promise<void>
}

/**
 * Starts a meeting point on a free port of 127.0.0.1.
 *
 * @example
 * await using meeting = await startRendezvous()
 * const runtime = await startRuntime({ handler, env: { RENDEZVOUS_URL: meeting.url } })
 * await meeting.reached('called', 8) // eight handlers are in flight
 * meeting.open('load')
 */
export async function startRendezvous(): Promise<Rendezvous & AsyncDisposable> {
  const counts = new Map<string, number>()
  const watchers: Array<{ point: string; arrivals: number; resolve: () => void }> = []
  const opened = new Set<string>()
  const waiting = new Map<string, ServerResponse[]>()
  const count = (point: string) => counts.get(point) ?? 0

  const server = createServer((request, response) => {
    const [, verb, name = ''] = (request.url ?? '').split('/').map(decodeURIComponent)
    if (verb === 'arrive') {
      counts.set(name, count(name) + 1)
      for (const watcher of watchers.filter((w) => w.point === name && count(name) >= w.arrivals)) {
        watchers.splice(watchers.indexOf(watcher), 1)
        watcher.resolve()
      }
      response.end()
    } else if (verb === 'gate' && opened.has(name)) response.end()
    else if (verb === 'gate') waiting.set(name, [...(waiting.get(name) ?? []), response])
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the rendezvous has no port')

  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return {
    url: `http://127.0.0.1:${address.port}`,
    count,
    reached: (point, arrivals) =>
      count(point) >= arrivals
        ? Promise.resolve()
        : new Promise((resolve) => watchers.push({ point, arrivals, resolve })),
    open(gate) {
      opened.add(gate)
      for (const response of waiting.get(gate) ?? []) response.end()
      waiting.delete(gate)
    },
    stop,
    [Symbol.asyncDispose]: stop,
  }
}

const call = async (path: string): Promise<void> => {
  const base = process.env.RENDEZVOUS_URL
  if (base === undefined) throw new Error('RENDEZVOUS_URL is not set: pass the rendezvous url in the env')
  const response = await fetch(`${base}/${path}`, { method: 'POST' })
  await response.arrayBuffer()
}

/**
 * The handler's half: counts one arrival at `point`, at once.
 *
 * @example
 * await arrive('called')
 */
export const arrive = (point: string): Promise<void> => call(`arrive/${encodeURIComponent(point)}`)

/**
 * The handler's half: waits until the test opens `gate` (at once when it is open).
 *
 * @example
 * await pass('load')
 */
export const pass = (gate: string): Promise<void> => call(`gate/${encodeURIComponent(gate)}`)
