import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'

/**
 * Loads the event for `--event`: a JSON file, `-` for stdin, inline JSON (`{…}` / `[…]`), or
 * `builder:<spec>` for `@sluice/testing`'s `buildEvent(spec)`. No value gives `{}`.
 *
 * @example
 * await loadEvent('builder:sqs?records=10', process.cwd(), process.stdin)
 */
export async function loadEvent(
  source: string | undefined,
  cwd: string,
  stdin: AsyncIterable<Buffer | string>,
): Promise<unknown> {
  if (source === undefined) return {}
  if (source.startsWith('builder:')) return fromBuilder(source.slice('builder:'.length))
  if (source === '-') return parseEvent(await readAll(stdin), 'standard input')
  if (/^\s*[{[]/.test(source)) return parseEvent(source, 'the inline --event value')
  const file = resolve(cwd, source)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new SluiceRuntimeError(
      'EVENT_FILE_NOT_FOUND',
      `cannot read event file ${source} (${file}): check the path, or use --event builder:sqs?records=1`,
      { cause: error },
    )
  }
  return parseEvent(text, `event file ${source}`)
}

function parseEvent(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = errorMessage(error)
    throw new SluiceRuntimeError(
      'EVENT_NOT_JSON',
      `${what} is not valid JSON (${reason}): fix it, or pass --event -`,
      {
        cause: error,
      },
    )
  }
}

async function fromBuilder(spec: string): Promise<unknown> {
  try {
    // Loaded on demand so the CLI works without @sluice/testing's builders for file events.
    const { buildEvent } = await import('@sluice/testing')
    return buildEvent(spec)
  } catch (error) {
    const reason = errorMessage(error)
    throw new SluiceRuntimeError(
      'EVENT_BUILDER_FAILED',
      `cannot build event "${spec}" (${reason}): use a spec like sqs?records=10`,
      { cause: error },
    )
  }
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8')
  return text
}
