// Issue 16's acceptance: time has one owner. Only core turns the context's remaining time into a deadline
// (testing and runtime produce contexts, so they read it too), and batch needs no timeout package for time.
import { describe, expect, test } from 'vitest'
import { classify } from './file-kind.ts'
import { repoManifests, repoSourceFiles } from './repo-files.ts'

const PRODUCERS = new Set(['core', 'testing', 'runtime'])

describe('core owns time', () => {
  test('no production file outside core (and the context producers) calls getRemainingTimeInMillis()', () => {
    const readers = repoSourceFiles()
      .map((file) => ({ ...file, kind: classify(file.path) }))
      .filter(({ kind }) => kind.role === 'production' && !PRODUCERS.has(kind.pkg ?? ''))
      .filter((file) =>
        /getRemainingTimeInMillis\s*\(\s*\)/.test(file.text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')),
      )
      .map((file) => file.path)
    expect(readers).toEqual([])
  })

  test('@sluice/batch does not depend on @sluice/timeout', () => {
    const batch = repoManifests().find((manifest) => manifest.dir === 'batch')
    expect(batch?.dependencies).not.toContain('@sluice/timeout')
  })
})
