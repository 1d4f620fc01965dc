/**
 * A CloudWatch Embedded Metric Format document, as metric libraries (Powertools Metrics, aws-embedded-metrics)
 * print it on stdout.
 *
 * @example
 * const requests = (document: EmfDocument) => document.Requests
 */
export interface EmfDocument {
  readonly _aws: {
    readonly Timestamp: number
    readonly CloudWatchMetrics: ReadonlyArray<{
      readonly Namespace: string
      readonly Dimensions: ReadonlyArray<readonly string[]>
      readonly Metrics: ReadonlyArray<{ readonly Name: string; readonly Unit?: string }>
    }>
  }
  readonly [field: string]: unknown
}

/** What `process.stdout` and `process.stderr` received while a {@link captureStdio} capture was open. */
export interface StdioCapture extends Disposable {
  /** Every line written to stdout, in order. */
  readonly stdout: string[]
  /** Every line written to stderr, in order. */
  readonly stderr: string[]
  /** The EMF documents written to stdout, parsed, in order. */
  emf(): EmfDocument[]
  /** Every line of stdout and stderr that is not an EMF document (warnings, logs), in the order written. */
  readonly other: string[]
}

const isEmf = (line: string): boolean => line.startsWith('{"_aws":')

/**
 * Takes over `process.stdout.write` and `process.stderr.write` until disposed, splitting what is written into
 * lines; nothing captured reaches the terminal. Libraries that print through a `Console` on those streams
 * (Powertools Metrics and Logger, `console.log`) land here, so a test can read back exactly what Lambda would
 * have sent to CloudWatch.
 *
 * @example
 * using stdio = captureStdio()
 * await invoke(handler, event)
 * expect(stdio.emf()[0]?.ItemsOrdered).toBe(2)
 */
export const captureStdio = (): StdioCapture => {
  const lines = { stdout: [] as string[], stderr: [] as string[] }
  const other: string[] = []
  const streams = [
    [process.stdout, lines.stdout],
    [process.stderr, lines.stderr],
  ] as const
  const originals = streams.map(([stream]) => stream.write)
  for (const [stream, into] of streams) {
    const capture: typeof stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      for (const line of text.split('\n')) {
        if (line === '') continue
        into.push(line)
        if (!(stream === process.stdout && isEmf(line))) other.push(line)
      }
      const callback = rest.find((value) => typeof value === 'function')
      if (typeof callback === 'function') queueMicrotask(() => callback())
      return true
    }
    stream.write = capture
  }
  return {
    stdout: lines.stdout,
    stderr: lines.stderr,
    emf: () => lines.stdout.filter(isEmf).map((line) => JSON.parse(line) as EmfDocument),
    other,
    [Symbol.dispose]() {
      streams.forEach(([stream], index) => {
        const original = originals[index]
        if (original !== undefined) stream.write = original
      })
    },
  }
}
