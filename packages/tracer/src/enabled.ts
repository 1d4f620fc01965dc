/**
 * Whether tracing is on, by Powertools Tracer's rule, without loading it: off when `enabled` is false or
 * `POWERTOOLS_TRACE_ENABLED=false`, off under SAM local (`AWS_SAM_LOCAL`) and outside Lambda (no
 * `AWS_EXECUTION_ENV`, which Lambda and sluice's local runtime set); on otherwise.
 *
 * @example
 * tracingEnabled(undefined, { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' }) // true
 * tracingEnabled(undefined, {}) // false: not in Lambda
 */
export const tracingEnabled = (
  enabled: boolean | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean => {
  if (enabled === false) return false
  if (env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() === 'false') return false
  if (env.AWS_SAM_LOCAL) return false
  return Boolean(env.AWS_EXECUTION_ENV)
}
