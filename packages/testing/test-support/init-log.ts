/**
 * Shared by every container in the process (only the handler module itself is re-evaluated), so
 * fixtures append to it at module scope and tests count INIT phases.
 *
 * @example
 * initLog.length // number of fixture module evaluations so far
 */
export const initLog: string[] = []
