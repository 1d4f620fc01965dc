import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { awsLambdaDivergences, type DivergenceKind } from '../test-support/aws-lambda-divergences.ts'

const KIND_TEXT: Record<DivergenceKind, string> = {
  null: 'may be `null`',
  absent: 'may be absent',
  'absent-or-null': 'may be absent or `null`',
  wider: 'wider',
}

/** The README row of one divergence. */
const row = (source: string, type: string, path: string, kind: DivergenceKind, why: string) =>
  `| \`${source}\` | \`${type}\` | \`${path}\` | ${KIND_TEXT[kind]} | ${why} |`

const rows = Object.entries(awsLambdaDivergences).flatMap(([source, types]) =>
  Object.entries(types).flatMap(([type, fields]) =>
    Object.entries(fields as Record<string, readonly [DivergenceKind, string]>).map(([path, [kind, why]]) =>
      row(source, type, path, kind, why),
    ),
  ),
)

const exact = Object.entries(awsLambdaDivergences).flatMap(([, types]) =>
  Object.entries(types)
    .filter(([, fields]) => Object.keys(fields).length === 0)
    .map(([type]) => `\`${type}\``),
)

describe('the README lists the divergences from @types/aws-lambda that the type test checks', () => {
  test('every divergence has its row, in order, and the table has no other rows', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
    const start = readme.indexOf('| source | `@types/aws-lambda` type | field |')
    expect(start).toBeGreaterThan(-1)
    const below = readme.slice(start).split('\n').slice(2)
    const end = below.findIndex((line) => !line.startsWith('|'))
    const table = below.slice(0, end === -1 ? below.length : end)
    expect(table).toEqual(rows)
  })

  test('the types that match exactly are named', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
    const line = readme.split('\n').find((text) => text.startsWith('Exactly assignable:'))
    expect(line).toBe(`Exactly assignable: ${exact.join(', ')}.`)
  })
})
