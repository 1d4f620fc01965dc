import { parseArgs } from 'node:util'
import { errorMessage } from '@sluice/core'
import { readDevState } from '../dev/dev-state.ts'
import { SluiceRuntimeError } from '../errors.ts'
import { loadEvent } from './event-source.ts'
import type { CliIo } from './io.ts'

/**
 * `sluice send <source> <json | file | ->`: posts one message (or a JSON array of them) to a source of the
 * `sluice dev` running in this folder (its control endpoint is in `.sluice/dev.json`, or `--url`) and prints the
 * ids the source gave them, one a line. A message the source refuses prints its code and message (exit code 2).
 *
 * @example
 * process.exitCode = await sendCommand(['orders', '{"body":"{\\"orderId\\":\\"o-1\\"}"}'], processIo())
 */
export async function sendCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { url: { type: 'string' } },
  })
  const [source, input, ...extra] = positionals
  if (source === undefined || input === undefined || extra.length > 0)
    throw new SluiceRuntimeError(
      'INVALID_ARGUMENT',
      `sluice send needs a source and one message, like: sluice send orders '{"body":"hi"}' (or a file, or - for stdin)`,
    )
  const message = await loadEvent(input, io.cwd, io.stdin)
  const url = values.url ?? (await readDevState(io.cwd)).url
  let response: Response
  try {
    response = await fetch(`${url.replace(/\/$/, '')}/sources/${encodeURIComponent(source)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    })
  } catch (error) {
    throw new SluiceRuntimeError(
      'INVALID_ARGUMENT',
      `cannot reach sluice dev at ${url} (${errorMessage(error)}): is it still running?`,
      { cause: error },
    )
  }
  const body: unknown = await response.json().catch(() => ({}))
  if (response.ok && typeof body === 'object' && body !== null && 'ids' in body && Array.isArray(body.ids)) {
    for (const id of body.ids) io.stdout.write(`${String(id)}\n`)
    return 0
  }
  const fields = typeof body === 'object' && body !== null ? body : {}
  const code = 'code' in fields ? String(fields.code) : `HTTP ${response.status}`
  const reason = 'message' in fields ? String(fields.message) : 'no message'
  io.stderr.write(`sluice: ${code}: ${reason}\n`)
  return 2
}
