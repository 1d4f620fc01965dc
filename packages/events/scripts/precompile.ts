// Writes src/schemas/precompiled.ts: for each built-in source schema, the validator zod's compiler generates for
// it (`compileFn(schema, { assertOnly: true })`, what `z.validate` runs after `z.compile`), as source code. A
// function's first parse then costs neither building its zod schema nor generating and evaluating that code,
// which together were most of a cold start's first invocation for a function parsing one built-in source.
//
//   pnpm --filter @sluice/events precompile
//
// src/schemas/precompiled.test.ts fails when the file differs from what this writes with the installed zod, so a
// zod upgrade or a schema change cannot leave a stale validator behind. A source is left out (and keeps compiling
// at run time) when its validator is not definite (a refinement or a custom check decides, and only zod's runtime
// can run it) or holds a constant that cannot be written as source.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compileFn, util } from 'zod/v4/core'
import { schemas, sourceIds } from '../src/sources.ts'

/**
 * Where the generated module lives.
 *
 * @example
 * writeFileSync(precompiledFile, precompiledModule())
 */
export const precompiledFile = fileURLToPath(new URL('../src/schemas/precompiled.ts', import.meta.url))

/**
 * The exported name of a source's precompiled validator.
 *
 * @example
 * precompiledName('s3-batch') // 'validS3Batch'
 */
export const precompiledName = (id: string): string =>
  `valid${id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}`

interface Generated {
  /** The body of `(input) => { … }`, as zod generated it. */
  readonly body: string
  /** The constants it closes over: INVALID first, then c0, c1, … */
  readonly names: readonly string[]
  readonly values: readonly unknown[]
  readonly definite: boolean
}

// compileFn builds its validator with `new Function(...constantNames, code)` and calls the factory with the
// constants' values; standing in for Function during the call is the only way to read both back.
function generate(schema: unknown): Generated {
  const RealFunction = globalThis.Function
  let names: string[] = []
  let body = ''
  let values: unknown[] = []
  const capture = new Proxy(RealFunction, {
    construct(target, args: string[]) {
      const code = args.at(-1) ?? ''
      names = args.slice(0, -1)
      body = code
      const factory = Reflect.construct(target, args) as (...constants: unknown[]) => unknown
      return (...constants: unknown[]) => {
        values = constants
        return factory(...constants)
      }
    },
  })
  globalThis.Function = capture
  try {
    const validator = compileFn(schema as Parameters<typeof compileFn>[0], { assertOnly: true }) as {
      definite?: boolean
    }
    return { body, names, values, definite: validator.definite === true }
  } finally {
    globalThis.Function = RealFunction
  }
}

// A constant as source code, or undefined when it cannot be written as such. A function is named where it is
// used (inside the validator's body), so an unused validator leaves nothing behind in a bundle.
function constantSource(value: unknown): { value: string } | { inline: string } | undefined {
  if (value instanceof Set) {
    const items = [...value]
    if (!items.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined
    return { value: `/* @__PURE__ */ new Set(${JSON.stringify(items)})` }
  }
  if (value instanceof RegExp) return { value: `/${value.source}/${value.flags}` }
  if (typeof value === 'string' || typeof value === 'boolean') return { value: JSON.stringify(value) }
  if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) }
  if (value === util.isPlainObject) return { inline: 'util.isPlainObject' }
  if (value === Object.prototype.propertyIsEnumerable)
    return { inline: 'Object.prototype.propertyIsEnumerable' }
  return undefined
}

// zod's generated code writes its strings with JSON.stringify: a double-quoted literal, or an identifier.
const TOKENS = /"(?:[^"\\]|\\.)*"|\b[A-Za-z_$][\w$]*\b/g

/**
 * One source's validator as an exported function, or the reason it stays compiled at run time.
 *
 * @example
 * precompiledSource('s3', schemas.s3) // { code: 'export function validS3(input: unknown): unknown {…' }
 */
export function precompiledSource(id: string, schema: unknown): { code: string } | { skipped: string } {
  const generated = generate(schema)
  if (!generated.definite) return { skipped: 'a refinement or custom check decides part of it' }
  const [invalid, ...constantNames] = generated.names
  if (invalid !== 'INVALID') return { skipped: 'zod generated no INVALID constant first' }
  const name = precompiledName(id)
  const declarations: string[] = []
  const renamed = new Map<string, string>()
  for (const [index, constant] of constantNames.entries()) {
    const source = constantSource(generated.values[index + 1])
    if (source === undefined) return { skipped: 'a constant that cannot be written as source' }
    if ('inline' in source) renamed.set(constant, source.inline)
    else {
      renamed.set(constant, `${name}$${constant}`)
      declarations.push(`const ${name}$${constant} = ${source.value}`)
    }
  }
  const body = generated.body
    .replace(/^return \(input\) => \{\n/, '')
    .replace(/\n\}$/, '')
    .replace(TOKENS, (token) => renamed.get(token) ?? token)
  const code = [
    ...declarations,
    `/**\n * \`${id}\`: zod's validator for \`schemas['${id}']\`.\n *\n * @example\n * ${name}(event) !== INVALID // the schema accepts the event\n */`,
    `export function ${name}(input: unknown): unknown {`,
    body,
    '}',
  ].join('\n')
  return { code }
}

/**
 * The whole generated module, from every source in the `schemas` table.
 *
 * @example
 * readFileSync(precompiledFile, 'utf8') === precompiledModule() // the file is up to date
 */
export function precompiledModule(): string {
  const parts: string[] = []
  const skipped: string[] = []
  for (const id of sourceIds) {
    const result = precompiledSource(id, schemas[id])
    if ('code' in result) parts.push(result.code)
    else skipped.push(`//   ${id}: ${result.skipped}`)
  }
  return [
    '// @ts-nocheck',
    "// Generated by packages/events/scripts/precompile.ts from zod's compiler; do not edit (precompiled.test.ts",
    '// fails when this differs from what the script writes). Each function returns INVALID for an event its schema',
    '// rejects, anything else for one it accepts.',
    '// Left out, compiled at run time instead:',
    ...skipped,
    "import { util } from 'zod/v4/core'",
    '',
    '/** A validator: INVALID when the schema rejects the input. */',
    'export type Precompiled = (input: unknown) => unknown',
    '',
    "/** What a precompiled validator returns for an input its schema rejects (zod's own sentinel). */",
    "export const INVALID: unique symbol = /* @__PURE__ */ Symbol.for('zod.compile.invalid')",
    '',
    parts.join('\n\n'),
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(precompiledFile, precompiledModule())
  console.log(`wrote ${precompiledFile}`)
}
