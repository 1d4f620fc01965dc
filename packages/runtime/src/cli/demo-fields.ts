import { SluiceRuntimeError } from '../errors.ts'

/** Typed access to the fields of one run of a demo.json; a field of the wrong type throws naming it. */
export interface DemoFields {
  keys(): string[]
  get(key: string): unknown
  text(key: string): string | undefined
  number(key: string): number | undefined
}

/**
 * Reads run `label`'s fields: `text` and `number` throw `RUNTIME_INVALID_OPTION` for a value of another type.
 *
 * @example
 * demoFields({ title: 'poison' }, 'sqs-orders#3').text('title') // 'poison'
 */
export function demoFields(run: unknown, label: string): DemoFields {
  if (typeof run !== 'object' || run === null) throw demoInvalid(label, 'must be an object')
  const get = (key: string): unknown => (Object.hasOwn(run, key) ? Reflect.get(run, key) : undefined)
  return {
    keys: () => Object.keys(run),
    get,
    text(key) {
      const value = get(key)
      if (value !== undefined && typeof value !== 'string')
        throw demoInvalid(label, `field "${key}" must be a string`)
      return value
    },
    number(key) {
      const value = get(key)
      if (value !== undefined && typeof value !== 'number')
        throw demoInvalid(label, `field "${key}" must be a number`)
      return value
    },
  }
}

/**
 * The error for a demo.json that says something wrong: `RUNTIME_INVALID_OPTION` naming the file and the run.
 *
 * @example
 * throw demoInvalid('sqs-orders#3', '"timeScale" must be a positive number')
 */
export function demoInvalid(label: string, problem: string): SluiceRuntimeError {
  return new SluiceRuntimeError(
    'RUNTIME_INVALID_OPTION',
    `examples/${label.split('#')[0]}/demo.json ${problem} (run ${label})`,
  )
}
