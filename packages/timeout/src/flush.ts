/** Resolves once everything written to `stream` so far has been handed to the OS (or the stream is closed). */
const drain = (stream: NodeJS.WriteStream): Promise<void> =>
  new Promise((resolve) => {
    if (!stream.writable || stream.writableLength === 0) return resolve()
    stream.write('', () => resolve())
  })

/**
 * Waits until stdout and stderr have handed their buffered output to the OS. Lambda freezes the process as
 * soon as the response is sent, so output still buffered then is lost (pipes are only synchronous on Linux
 * when nothing is queued).
 *
 * @example
 * await flushStdio()
 */
export const flushStdio = async (): Promise<void> => {
  await Promise.all([drain(process.stdout), drain(process.stderr)])
}
