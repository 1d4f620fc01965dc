import { describe, expect, test } from 'vitest'
import { duplicateGroups, readAll, repoJsonFiles } from './duplicate-files.ts'
import { repoRoot } from './repo-files.ts'

// The rule: no JSON data file is byte-identical to another anywhere in the repository. AWS samples live once, in
// test/fixtures/corpora/<upstream repo>/, and every test loads them through test/fixtures/corpora/load.ts. No
// exception for examples: an example's events are its own (bodies its handler parses, its bucket and queue
// names), so one never needs to equal a corpus file; an example that wanted an AWS sample unchanged would point
// `sluice invoke --event` at the corpus file instead of copying it. An upstream corpus that publishes the same
// bytes under two names keeps one (see that corpus's SOURCE.md).

describe('JSON files', () => {
  test('no JSON data file of the repository is byte-identical to another', () => {
    const files = repoJsonFiles(repoRoot)
    expect(files).toContain('test/fixtures/corpora/aws-lambda-go/sqs-event.json')
    expect(files.filter((path) => path.endsWith('package.json'))).toEqual([])
    expect(duplicateGroups(readAll(repoRoot, files))).toEqual([])
  })

  test('the check finds byte-identical files, and only those', () => {
    const bytes = (text: string) => new TextEncoder().encode(text)
    const groups = duplicateGroups([
      { path: 'packages/a/sqs.json', bytes: bytes('{"Records":[]}') },
      { path: 'test/fixtures/corpora/x/sqs.json', bytes: bytes('{"Records":[]}') },
      { path: 'examples/app/event.json', bytes: bytes('{"Records": []}') },
      { path: 'examples/app/other.json', bytes: bytes('{"Records":[]}\n') },
    ])
    expect(groups).toEqual([['packages/a/sqs.json', 'test/fixtures/corpora/x/sqs.json']])
  })
})
