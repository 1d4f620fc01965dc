import { describe, expect, test } from 'vitest'
import { checkImports, type Manifest, type SourceFile } from './import-rules.ts'
import { importsOf } from './imports.ts'
import { packageCycles } from './package-cycles.ts'
import { repoManifests, repoSourceFiles } from './repo-files.ts'

// The rules, with the exception each one makes, are documented on checkImports (import-rules.ts): production code
// never imports @sluice/testing (type-only imports count; @sluice/runtime, a dev tool, is the one exception) nor a
// test-only file; nothing reaches into another package's folder; a package imports nothing from the root test/
// but its tests the shared corpora; no cycle between packages through run-time dependencies or production imports
// (devDependencies are left out: core's tests use @sluice/testing, which itself needs core at run time).

const readable = (violations: ReturnType<typeof checkImports>) =>
  violations.map((v) => `${v.file}:${v.line} ${v.rule}: '${v.specifier}' ${v.why}`)

describe('the import graph of this repository', () => {
  test('breaks no rule', () => {
    const files = repoSourceFiles()
    expect(files.length).toBeGreaterThan(300)
    expect(readable(checkImports(files, repoManifests()))).toEqual([])
  })

  test('every package is named after its folder, so @sluice/<name> and packages/<name> are one package', () => {
    for (const manifest of repoManifests()) expect(manifest.name).toBe(`@sluice/${manifest.dir}`)
  })
})

const manifest = (dir: string, dependencies: string[] = [], exports = ['.']): Manifest => ({
  dir,
  name: `@sluice/${dir}`,
  exports,
  dependencies,
})
const manifests = [
  manifest('core'),
  manifest('testing', ['@sluice/core']),
  manifest('batch', ['@sluice/core']),
  manifest('runtime', ['@sluice/core', '@sluice/testing']),
  manifest('events', ['@sluice/core'], ['.', './decode']),
]
const rulesOf = (...files: SourceFile[]) => checkImports(files, manifests).map((v) => v.rule)
const file = (path: string, text: string): SourceFile => ({ path, text })

describe('the checker', () => {
  test('finds every kind of reference, and which carry only types', () => {
    const text = [
      "import { a } from './a.ts'",
      "import type { B } from './b.ts'",
      "import { type C } from './c.ts'",
      "import './d.ts'",
      "export { e } from './e.ts'",
      "export type { F } from './f.ts'",
      "const g = await import('./g.ts')",
      "type H = typeof import('./h.ts')",
      "// import { z } from './not-code.ts'",
      'const s = "import { y } from \'./not-code.ts\'"',
    ].join('\n')
    expect(importsOf('x.ts', text).map((ref) => [ref.specifier, ref.typeOnly, ref.line])).toEqual([
      ['./a.ts', false, 1],
      ['./b.ts', true, 2],
      ['./c.ts', true, 3],
      ['./d.ts', false, 4],
      ['./e.ts', false, 5],
      ['./f.ts', true, 6],
      ['./g.ts', false, 7],
      ['./h.ts', true, 8],
    ])
  })

  test('(a) production code importing @sluice/testing fails, type-only too; its tests and runtime may', () => {
    expect(
      rulesOf(file('packages/batch/src/run.ts', "import { createClock } from '@sluice/testing'")),
    ).toEqual(['testing-in-production'])
    expect(
      rulesOf(file('packages/batch/src/run.ts', "import type { Clock } from '@sluice/testing'")),
    ).toEqual(['testing-in-production'])
    expect(rulesOf(file('packages/batch/src/run.ts', "const t = await import('@sluice/testing')"))).toEqual([
      'testing-in-production',
    ])
    expect(rulesOf(file('packages/batch/src/run.test.ts', "import { hang } from '@sluice/testing'"))).toEqual(
      [],
    )
    expect(
      rulesOf(file('packages/runtime/src/env.ts', "import { lambdaEnv } from '@sluice/testing'")),
    ).toEqual([])
  })

  test('(a) production code importing test-support or a test file fails; a test may import them', () => {
    expect(rulesOf(file('packages/batch/src/run.ts', "import { x } from '../test-support/x.ts'"))).toEqual([
      'test-only-in-production',
    ])
    expect(rulesOf(file('packages/batch/bin/cli.mjs', "import { x } from '../src/run.test.ts'"))).toEqual([
      'test-only-in-production',
    ])
    expect(
      rulesOf(file('packages/batch/src/run.test.ts', "import { x } from '../test-support/x.ts'")),
    ).toEqual([])
  })

  test("(b) reaching into another package's folder fails, by path or by a subpath it does not export", () => {
    expect(rulesOf(file('packages/batch/src/a.ts', "import { b } from '../../core/src/b.ts'"))).toEqual([
      'other-package-internals',
    ])
    expect(
      rulesOf(file('packages/batch/src/a.test.ts', "import { b } from '@sluice/core/src/b.ts'")),
    ).toEqual(['other-package-internals'])
    expect(
      rulesOf(file('packages/batch/test-support/a.ts', "import '../../events/test-support/e.ts'")),
    ).toEqual(['other-package-internals'])
    expect(rulesOf(file('test/e2e/a.test.ts', "import { b } from '../../packages/core/src/b.ts'"))).toEqual([
      'other-package-internals',
    ])
    expect(
      rulesOf(file('examples/app/h.ts', "import { b } from '../../packages/core/test-support/b.ts'")),
    ).toEqual(['other-package-internals'])
    expect(
      rulesOf(file('packages/batch/src/a.ts', "import { decode } from '@sluice/events/decode'")),
    ).toEqual([])
    expect(
      rulesOf(file('test/e2e/a.test.ts', "import { s } from '../../packages/core/test-support/s.ts'")),
    ).toEqual([])
  })

  test('(c) a package importing from the root test/ fails, but for its tests reading the shared corpora', () => {
    expect(
      rulesOf(file('packages/batch/src/a.ts', "import { s } from '../../../test/fixtures/corpora/load.ts'")),
    ).toEqual(['src-imports-test'])
    expect(
      rulesOf(file('packages/batch/src/a.test.ts', "import { h } from '../../../test/runtime/helpers.ts'")),
    ).toEqual(['src-imports-test'])
    expect(
      rulesOf(
        file(
          'packages/batch/src/a.test.ts',
          "import { sample } from '../../../test/fixtures/corpora/load.ts'",
        ),
      ),
    ).toEqual([])
  })

  test('(d) packages depending on each other in a cycle fail, through imports or dependencies', () => {
    const cyclic = [...manifests, manifest('timeout', ['@sluice/batch'])]
    const importsBack = file('packages/batch/src/a.ts', "import { guard } from '@sluice/timeout'")
    expect(checkImports([importsBack], cyclic)).toEqual([expect.objectContaining({ rule: 'cycle' })])
    expect(checkImports([importsBack], cyclic)[0]?.why).toMatch(
      /batch → timeout → batch|timeout → batch → timeout/,
    )
    const byPath = file('packages/core/src/a.ts', "import { b } from '../../batch/src/b.ts'")
    expect(
      checkImports([byPath], manifests)
        .map((v) => v.rule)
        .sort(),
    ).toEqual(['cycle', 'other-package-internals'])
    const testOnly = file('packages/core/src/a.test.ts', "import { batch } from '@sluice/batch'")
    expect(checkImports([testOnly], manifests)).toEqual([])
  })

  test('cycles are reported once each, as a path around them', () => {
    expect(
      packageCycles([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
        ['d', 'e'],
        ['e', 'd'],
      ]),
    ).toEqual([
      ['d', 'e'],
      ['a', 'b', 'c'],
    ])
    expect(
      packageCycles([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    ).toEqual([])
  })
})
