import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { withBusyPort } from './busy-port.ts'
import { runSluice } from './process-helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const sluice = (args: readonly string[]) => runSluice(args, root)

describe('sluice invoke', () => {
  it('--json prints one parseable document with every invocation and the summary', async () => {
    const run = await sluice([
      'invoke',
      'examples/hello/handler.ts#handler',
      '--event',
      'builder:sqs?records=2',
      '--count',
      '3',
      '--json',
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    expect(doc.invocations).toHaveLength(3)
    expect(doc.invocations.map((invocation: { coldStart: boolean }) => invocation.coldStart)).toEqual([
      true,
      false,
      false,
    ])
    expect(doc.invocations[0].result).toMatchObject({
      message: 'Hello, world!',
      coldStart: true,
      invocation: 1,
    })
    expect(doc.invocations[2].result).toMatchObject({ coldStart: false, invocation: 3 })
    expect(doc.summary).toMatchObject({
      invocations: 3,
      coldStarts: 1,
      errors: 0,
      timeouts: 0,
      containers: 1,
    })
    expect(doc.summary.estimatedCostUsd).toBeGreaterThan(0)
  })

  it('prints logs, START/END/REPORT lines and the summary table', async () => {
    const run = await sluice([
      'invoke',
      'examples/hello/handler.ts#handler',
      '--event',
      'examples/hello/event.json',
      '-n',
      '2',
    ])
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('START RequestId: '))).toHaveLength(2)
    expect(lines.filter((line) => line.startsWith('REPORT RequestId: '))).toHaveLength(2)
    expect(lines.filter((line) => line.includes('\tInit Duration: '))).toHaveLength(1)
    const logs = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
    expect(logs).toContainEqual(expect.objectContaining({ level: 'INFO', message: 'greeting Ada' }))
    for (const row of ['cold starts', 'errors', 'timeouts', 'duration p50', 'duration p95', 'duration p99']) {
      expect(run.stdout).toMatch(new RegExp(`│ ${row} +│`))
    }
    expect(run.stdout).toMatch(/│ billed GB-s +│ \d\.\d{6}/)
    expect(run.stdout).toMatch(/│ estimated cost +│ \$\d\.\d{10}/)
  })

  it('--concurrency 4 spreads 40 invocations over 4 containers', async () => {
    const run = await sluice([
      'invoke',
      'test/fixtures/runtime/counter.ts#handler',
      '--count',
      '40',
      '--concurrency',
      '4',
      '--json',
    ])
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    const containers = new Set(
      doc.invocations.map((invocation: { containerId: string }) => invocation.containerId),
    )
    expect(containers.size).toBe(4)
    expect(doc.summary).toMatchObject({ invocations: 40, containers: 4, coldStarts: 4 })
  })

  it('exits 1 and still prints the REPORT when the function times out', async () => {
    const run = await sluice([
      'invoke',
      'test/fixtures/runtime/hang.mjs#handler',
      '--event',
      '{"hang":"busy"}',
      '-t',
      '1s',
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/REPORT RequestId: .*\tStatus: timeout/)
    expect(run.stdout).toMatch(/│ timeouts +│ 1 /)
  })

  it('--count 3 shows the distinct responses with their counts before the summary', async () => {
    const run = await sluice([
      'invoke',
      'examples/hello/handler.ts#handler',
      '--event',
      '{"name":"Ada"}',
      '-n',
      '3',
    ])
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const heading = lines.indexOf('Responses: 3 invocations, 3 distinct')
    expect(heading).toBeGreaterThan(lines.findLastIndex((line) => line.startsWith('REPORT ')))
    const shown = lines.slice(heading + 1, heading + 4)
    expect(shown.map((line) => line.slice(0, 6))).toEqual(['  1× {', '  1× {', '  1× {'])
    expect(shown.map((line) => JSON.parse(line.slice(5)).invocation).sort()).toEqual([1, 2, 3])
    expect(lines.filter((line) => line.startsWith('Response '))).toEqual([])
  })

  it('warns when Max Memory Used is over the memory size', async () => {
    const run = await sluice(['invoke', 'test/fixtures/runtime/big-memory.mjs', '--memory', '128'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^warning: Max Memory Used \d+ MB is over the 128 MB memory size: on Lambda this invocation would fail with Runtime\.OutOfMemory; give the function at least \d+ MB$/m,
    )
    expect(run.stdout).toMatch(/│ max memory used +│ \d+ MB, over the 128 MB memory size/)
    const json = await sluice(['invoke', 'test/fixtures/runtime/big-memory.mjs', '--json'])
    expect(JSON.parse(json.stdout).summary.maxMemoryUsedMb).toBeGreaterThan(128)
    expect(json.stderr).toMatch(/^warning: Max Memory Used \d+ MB is over the 128 MB memory size/)
  })
})

describe('sluice invoke: clear errors, one line, non-zero exit', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['invoke', 'nope/missing.ts#handler'], /cannot find handler file nope\/missing\.ts/],
    [
      'a missing export',
      ['invoke', 'test/fixtures/runtime/counter.ts#nope'],
      /test\/fixtures\/runtime\/counter\.ts has no export "nope"/,
    ],
    [
      'a handler that is not a function',
      ['invoke', 'test/fixtures/runtime/not-a-function.mjs#handler'],
      /export "handler" of test\/fixtures\/runtime\/not-a-function\.mjs is not a function/,
    ],
    [
      'an event file that is not JSON',
      ['invoke', 'test/fixtures/runtime/counter.ts', '--event', 'test/fixtures/runtime/bad-event.json'],
      /event file test\/fixtures\/runtime\/bad-event\.json is not valid JSON/,
    ],
    ['an unknown option', ['invoke', 'test/fixtures/runtime/counter.ts', '--bogus'], /--bogus/],
    [
      'a memory size that is not a number',
      ['invoke', 'test/fixtures/runtime/counter.ts', '--memory', 'abc'],
      /^sluice: --memory must be a whole number of MB from 128 to 10240, e\.g\. --memory 512 \(got "abc"\)$/m,
    ],
    [
      'a negative timeout',
      ['invoke', 'test/fixtures/runtime/counter.ts', '--timeout', '-5'],
      /^sluice: --timeout must be from 1s to 900s, .*, e\.g\. --timeout 30s \(got "-5"\)$/m,
    ],
    [
      'a count of 0',
      ['invoke', 'test/fixtures/runtime/counter.ts', '-n', '0'],
      /^sluice: --count must be a whole number from 1 to 1000000, e\.g\. --count 10 \(got "0"\)$/m,
    ],
  ]

  it.each(cases)('%s', async (_name, args, message) => {
    const run = await sluice(args)
    expect(run.code).not.toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^sluice: /)
    expect(run.stderr).toMatch(message)
  })

  it('a port in use', async () => {
    await withBusyPort(async (port) => {
      const run = await sluice(['invoke', 'test/fixtures/runtime/counter.ts', '--port', String(port)])
      expect(run.code).not.toBe(0)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(
        `sluice: port ${port} on 127.0.0.1 is in use: pass port 0 (--port 0) to pick a free one, or stop what listens there\n`,
      )
    })
  })
})

// `sluice demo` is run, on a terminal and piped, by terminal.test.ts.
