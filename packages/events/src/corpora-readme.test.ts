import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { expectedSource } from '../test-support/corpora-map.ts'
import { sourceIds } from './sources.ts'

const HEADER = '| id '
const COUNT_HEADER = 'corpus samples (go + dotnet)'

/** The rows of the README's source table: id (first cell) → last cell. */
async function sourceTable(): Promise<Map<string, string>> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  const lines = readme.split('\n')
  const start = lines.findIndex((line) => line.startsWith(HEADER))
  expect(start).toBeGreaterThan(-1)
  expect(cells(lines[start] ?? '').at(-1)).toBe(COUNT_HEADER)
  const rows = lines.slice(start + 2)
  const end = rows.findIndex((line) => !line.startsWith('|'))
  return new Map(
    rows.slice(0, end === -1 ? rows.length : end).map((line) => {
      const row = cells(line)
      return [(row[0] ?? '').replaceAll('`', ''), row.at(-1) ?? '']
    }),
  )
}
const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim())

/** `go + dotnet`: how many samples of each corpus the corpus test expects to be `id`. */
const count = (id: string) => {
  const keys = Object.entries(expectedSource)
    .filter(([, source]) => source === id)
    .map(([key]) => key)
  const go = keys.filter((key) => key.startsWith('aws-lambda-go/')).length
  return `${go} + ${keys.length - go}`
}

describe("the README's source table", () => {
  test('has one row per source id, in the order of sourceIds', async () => {
    expect([...(await sourceTable()).keys()]).toEqual(sourceIds)
  })

  test('gives each source its corpus count (go + dotnet) as the corpus test classifies them', async () => {
    const table = await sourceTable()
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(sourceIds.map((id) => [id, count(id)])))
  })
})
