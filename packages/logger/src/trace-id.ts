interface InvokeStoreLike {
  getXRayTraceId?(): string | undefined
}

/**
 * The X-Ray trace id of the current invocation (`1-5759e988-bd862e3fe1be46a994272793`), read where the X-Ray
 * SDK and Powertools read it: the runtime's invoke store when there is one, else `_X_AMZN_TRACE_ID`
 * (`Root=…;Parent=…;Sampled=…`), which Lambda sets before each invocation. `undefined` outside a trace.
 *
 * @example
 * process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'
 * xrayTraceId() // '1-5759e988-bd862e3fe1be46a994272793'
 */
export const xrayTraceId = (): string | undefined => {
  const store = (globalThis as { awslambda?: { InvokeStore?: InvokeStoreLike } }).awslambda?.InvokeStore
  const header = store?.getXRayTraceId?.() ?? process.env._X_AMZN_TRACE_ID
  if (!header) return undefined
  if (!header.includes('=')) return header
  for (const part of header.split(';')) {
    if (part.startsWith('Root=')) return part.slice(5) || undefined
  }
  return undefined
}
