import { Console } from 'node:console'
import { describe, expect, it } from 'vitest'
import { captureStdio } from './capture-stdio.ts'

describe('captureStdio', () => {
  it('splits stdout and stderr into lines, parses EMF documents and gives the streams back when disposed', () => {
    const write = process.stdout.write
    {
      using stdio = captureStdio()
      process.stdout.write('{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"Requests":2}\nplain line\n')
      process.stderr.write(Buffer.from('a warning\n'))
      // A Console on the process streams, as Powertools makes (vitest replaces the global console in tests).
      new Console({ stdout: process.stdout, stderr: process.stderr }).log('from console')
      expect(stdio.stdout).toEqual([
        '{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"Requests":2}',
        'plain line',
        'from console',
      ])
      expect(stdio.stderr).toEqual(['a warning'])
      expect(stdio.emf()).toEqual([{ _aws: { Timestamp: 1, CloudWatchMetrics: [] }, Requests: 2 }])
      expect(stdio.other).toEqual(['plain line', 'a warning', 'from console'])
    }
    expect(process.stdout.write).toBe(write)
  })

  it('calls a write callback, as a stream would once the data is handed on', async () => {
    using _stdio = captureStdio()
    await new Promise<void>((resolve) => process.stdout.write('x\n', () => resolve()))
  })
})
