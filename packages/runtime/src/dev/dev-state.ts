import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { SluiceRuntimeError } from '../errors.ts'

/** What a running `sluice dev` leaves in `.sluice/dev.json` so `sluice send` finds it. */
export interface DevState {
  /** The control endpoint. */
  readonly url: string
  readonly pid: number
  readonly sources: readonly string[]
  /** The HTTP front door, when a function has http events. */
  readonly http?: string
}

/**
 * Where `sluice dev` run in `cwd` writes its {@link DevState}.
 *
 * @example
 * devStateFile('/app') // '/app/.sluice/dev.json'
 */
export const devStateFile = (cwd: string): string => join(cwd, '.sluice', 'dev.json')

/**
 * Writes `state` to `file` (its folder created); returns a function that removes the file again, and its folder
 * when nothing else is in it.
 *
 * @example
 * const remove = await writeDevState(devStateFile(cwd), { url, pid: process.pid, sources: ['orders'] })
 */
export async function writeDevState(file: string, state: DevState): Promise<() => Promise<void>> {
  await mkdir(dirname(file), { recursive: true })
  // Written aside and renamed: `sluice send` never reads a half-written file.
  const partial = `${file}.${process.pid}.tmp`
  await writeFile(partial, `${JSON.stringify(state, null, 2)}\n`)
  await rename(partial, file)
  return async () => {
    await rm(file, { force: true })
    // Only when empty: another sluice dev in the same folder, or the user's own files, may be there.
    await rmdir(dirname(file)).catch(() => {})
  }
}

/**
 * Reads the {@link DevState} a running `sluice dev` wrote in `cwd`; none → `INVALID_ARGUMENT` saying to start it.
 *
 * @example
 * const { url } = await readDevState(process.cwd())
 */
export async function readDevState(cwd: string): Promise<DevState> {
  const file = devStateFile(cwd)
  let state: unknown
  try {
    state = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new SluiceRuntimeError(
      'INVALID_ARGUMENT',
      `no sluice dev is running here (no ${file}): start sluice dev in this folder, or pass --url`,
      { cause: error },
    )
  }
  if (typeof state !== 'object' || state === null || !('url' in state) || typeof state.url !== 'string')
    throw new SluiceRuntimeError(
      'INVALID_ARGUMENT',
      `${file} names no url: restart sluice dev, or pass --url`,
    )
  return state as DevState
}
