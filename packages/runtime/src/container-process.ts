import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createLineSplitter } from './line-splitter.ts'
import { peakMemoryReader } from './peak-memory.ts'
import { typeStrippingFlags } from './type-stripping.ts'

/** How a container process ended. */
export interface ProcessExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** A running `aws-lambda-ric` process and the log lines it printed so far. */
export interface RuntimeProcess {
  readonly pid: number | undefined
  /** Settles once the process exited and its output was read. */
  readonly exited: Promise<ProcessExit>
  /** True until the process exits. */
  alive(): boolean
  /** Removes and returns the complete lines printed since the last call (those `keep` accepts, if given). */
  takeLines(keep?: (line: string) => boolean): string[]
  /** Like takeLines, plus a trailing line without newline (use once the process is gone). */
  takeAllLines(keep?: (line: string) => boolean): string[]
  /** SIGKILLs the process group, so anything the handler spawned dies with it. */
  kill(): void
  /** Max Memory Used so far, in MB (see `peakMemoryReader`); 0 once the process is gone. */
  peakMemoryMb(): Promise<number>
}

const ricEntry = createRequire(import.meta.url).resolve('aws-lambda-ric')

/**
 * Spawns the real `aws-lambda-ric` under the current Node in its own process group, with stdout and stderr
 * collected as the function's log lines. A TypeScript `handlerFile` gets `--experimental-strip-types` on the Node
 * versions that strip types only with it (22.6–22.17); on one that cannot strip types at all this throws
 * `HANDLER_NOT_LOADABLE` (see `typeStrippingFlags`).
 *
 * @example
 * const proc = spawnRuntimeProcess({ cwd: process.cwd(), env: ricEnv(…), handlerFile: '/app/handler.ts' })
 * await proc.exited
 */
export function spawnRuntimeProcess(options: {
  cwd: string
  env: Record<string, string>
  handlerFile: string
}): RuntimeProcess {
  const child = spawn(process.execPath, [...typeStrippingFlags(options.handlerFile), ricEntry], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const lines: string[] = []
  const splitters = [collect(child.stdout, lines), collect(child.stderr, lines)]
  let running = true
  const peakMemory = peakMemoryReader(child.pid)
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', () => {
      running = false
      resolve({ code: null, signal: null })
    })
    child.once('close', (code, signal) => {
      running = false
      resolve({ code, signal })
    })
    // A grandchild may hold the pipes open after the runtime died; do not wait for it forever.
    child.once('exit', (code, signal) => {
      running = false
      setTimeout(() => resolve({ code, signal }), 200).unref()
    })
  })
  void exited.then(() => peakMemory.close())
  return {
    pid: child.pid,
    exited,
    alive: () => running,
    takeLines: (keep) => take(lines, keep),
    takeAllLines: (keep) => {
      lines.push(...splitters.flatMap((splitter) => splitter.flush()))
      return take(lines, keep)
    },
    kill: () => killGroup(child),
    peakMemoryMb: () => peakMemory.read(),
  }
}

function take(lines: string[], keep: ((line: string) => boolean) | undefined): string[] {
  if (keep === undefined) return lines.splice(0)
  const taken = lines.filter(keep)
  const left = lines.filter((line) => !keep(line))
  lines.splice(0, lines.length, ...left)
  return taken
}

function collect(stream: NodeJS.ReadableStream | null, into: string[]) {
  const splitter = createLineSplitter()
  stream?.on('data', (chunk: Buffer) => {
    into.push(...splitter.push(chunk))
  })
  return splitter
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return
  try {
    // Also after the runtime exited: the group may still hold processes the handler started.
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // ESRCH: the group is already gone.
  }
}
