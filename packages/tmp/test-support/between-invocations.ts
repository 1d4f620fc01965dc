/**
 * What the runtime does between two invocations: the event loop turns (fetching the next event is I/O), so the
 * `fs.watch` events an invocation queued in its last moments are delivered, and a stray check waiting for them
 * runs. Two turns: the first may run in the same loop iteration as the write, the second follows a poll for sure.
 *
 * @example
 * await invoke(handler, {})
 * await betweenInvocations() // strays written just before the handler returned are now reported
 */
export async function betweenInvocations(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve))
}
