import { currentTraceId } from '@sluice/core'

/**
 * The X-Ray trace id of the current invocation (`1-5759e988-bd862e3fe1be46a994272793`), read where the X-Ray
 * SDK and Powertools read it: core's `currentTraceId()`, the one place sluice reads per-invocation state (the
 * runtime's invoke store when there is one, else `_X_AMZN_TRACE_ID`, which Lambda sets before each invocation
 * when it runs one at a time). `undefined` outside a trace.
 *
 * @example
 * process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'
 * xrayTraceId() // '1-5759e988-bd862e3fe1be46a994272793'
 */
export const xrayTraceId = (): string | undefined => currentTraceId()
