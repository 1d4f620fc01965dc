type EnvLayer = { values: Record<string, string> }

/** Layers applied and not yet restored, oldest first, and what each touched variable was before them. */
const layers: EnvLayer[] = []
const originals = new Map<string, string | undefined>()

/**
 * Sets environment variables as a layer over `process.env`; the returned function removes the layer.
 * Layers may be removed in any order: a variable then takes the value of the newest layer still
 * applied that sets it, or the value it had before any layer.
 *
 * @example
 * const restore = applyEnv({ AWS_REGION: 'eu-west-1' })
 * restore() // AWS_REGION is back to its old value, or unset again
 */
export function applyEnv(values: Record<string, string>): () => void {
  const layer: EnvLayer = { values: { ...values } }
  for (const [name, value] of Object.entries(layer.values)) {
    if (!originals.has(name)) originals.set(name, process.env[name])
    process.env[name] = value
  }
  layers.push(layer)
  return function restoreEnv() {
    const index = layers.indexOf(layer)
    if (index === -1) return
    layers.splice(index, 1)
    for (const name of Object.keys(layer.values)) {
      const newest = layers.findLast((remaining) => Object.hasOwn(remaining.values, name))
      setOrDelete(name, newest ? newest.values[name] : originals.get(name))
      if (!newest) originals.delete(name)
    }
  }
}

function setOrDelete(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}
