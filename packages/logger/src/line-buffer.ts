import { LoggerError, loggerOptionChecks } from './errors.ts'
import { type LevelName, levelValue, parseLevel } from './levels.ts'

/** Log buffering: lines below the level are kept per invocation and written only if it fails. */
export interface BufferOptions {
  /** The most verbose level kept. Default `debug`. */
  readonly level?: LevelName
  /** Most lines kept; older ones are dropped first. Default 200. */
  readonly maxLines?: number
  /** Most characters kept (≈ bytes for ASCII JSON); older lines are dropped first. Default 20480. */
  readonly maxBytes?: number
  /** Write the buffer out when an error or fatal line is logged, before that line. Default true. */
  readonly flushOnErrorLog?: boolean
}

/** {@link BufferOptions} with defaults applied and checked. */
export interface BufferLimits {
  readonly levelValue: number
  readonly level: LevelName
  readonly maxLines: number
  readonly maxBytes: number
  readonly flushOnErrorLog: boolean
}

/**
 * Applies the buffer defaults (level debug, 200 lines, 20480 characters, flush on error lines); `false` or
 * `undefined` turns buffering off. `maxLines` and `maxBytes` must be whole numbers ≥ 1
 * (`LOGGER_INVALID_OPTION`); a level that keeps nothing (`silent`) is `INVALID_BUFFER_OPTION`.
 *
 * @example
 * bufferLimits(true)?.maxLines // 200
 */
export const bufferLimits = (options: boolean | BufferOptions | undefined): BufferLimits | undefined => {
  if (options === undefined || options === false) return undefined
  const given = options === true ? {} : options
  loggerOptionChecks.check(
    typeof given === 'object' && given !== null,
    'buffer',
    given,
    'true, false or { level, maxLines, maxBytes, flushOnErrorLog }',
  )
  const level = parseLevel(given.level ?? 'debug')
  if (level === undefined || level === 'silent') {
    throw new LoggerError(
      'INVALID_BUFFER_OPTION',
      `buffer.level "${given.level}" must be trace, debug, info or warn`,
      ['buffer', 'level'],
    )
  }
  return {
    level,
    levelValue: levelValue(level),
    maxLines: loggerOptionChecks.number('buffer.maxLines', given.maxLines ?? 200, { integer: true, min: 1 }),
    maxBytes: loggerOptionChecks.number('buffer.maxBytes', given.maxBytes ?? 20_480, {
      integer: true,
      min: 1,
    }),
    flushOnErrorLog: given.flushOnErrorLog ?? true,
  }
}

/**
 * The lines one invocation kept below its level: a bounded queue that drops its oldest lines and counts them.
 *
 * @example
 * const lines = new LineBuffer(bufferLimits(true)!)
 * lines.push('{"level":"debug"}\n')
 */
export class LineBuffer {
  readonly limits: BufferLimits
  dropped = 0
  #lines: Array<string | undefined> = []
  #head = 0
  #chars = 0

  constructor(limits: BufferLimits) {
    this.limits = limits
  }

  get size(): number {
    return this.#lines.length - this.#head
  }

  push(line: string): void {
    this.#lines.push(line)
    this.#chars += line.length
    while (this.size > 0 && (this.size > this.limits.maxLines || this.#chars > this.limits.maxBytes)) {
      this.#chars -= (this.#lines[this.#head] as string).length
      this.#lines[this.#head] = undefined
      this.#head += 1
      this.dropped += 1
    }
    // Compact now and then so a long invocation does not keep a growing array of holes.
    if (this.#head > 64 && this.#head * 2 > this.#lines.length) {
      this.#lines = this.#lines.slice(this.#head)
      this.#head = 0
    }
  }

  /** Takes every kept line, oldest first, and empties the buffer (the dropped count stays). */
  take(): string[] {
    const lines = this.#lines.slice(this.#head) as string[]
    this.#lines = []
    this.#head = 0
    this.#chars = 0
    return lines
  }
}
