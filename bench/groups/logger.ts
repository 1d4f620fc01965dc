import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger'
import { lambda } from '@sluice/core'
import { type Logger, logger } from '@sluice/logger'
import { pino } from 'pino'
import { benchContext } from '../context.ts'
import { devNull, quiet } from '../loggers.ts'
import type { BenchGroup } from '../types.ts'

// Every subject writes the same info line with 3 fields, bound to one invocation's context, synchronously
// to /dev/null through its own sonic-boom destination (the kind pino.destination({ sync: true }) makes).
const context = benchContext({ functionName: 'orders', memoryMb: 256 })
const fields = { orderId: 'o-123', cents: 1250, express: true }

// sluice: the child logger the middleware hands the handler, with its defaults (redaction on, level label,
// ISO timestamp).
let sluice: Logger | undefined
await lambda()
  .use(logger({ destination: devNull(), pretty: false }))
  .handler((_event, invocation) => {
    sluice = invocation.log
  })({}, context)
if (sluice === undefined) throw new Error('the logger middleware did not provide context.log')
const sluiceLog = sluice

// pino: raw pino (numeric level, epoch time, no redaction), a child bound to the same invocation fields;
// base: null drops pid and hostname, which the sluice line does not carry either.
const raw = pino({ base: null }, devNull()).child({
  requestId: context.awsRequestId,
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  memoryMb: 256,
  coldStart: true,
})

// powertools: Powertools Logger with the Lambda context added, on its own /dev/null destination.
const powertools = quiet(new PowertoolsLogger({ serviceName: 'orders' }))
powertools.addContext(context)

/** Lines per second: one info line with three fields, sluice against raw pino and Powertools Logger. */
export const groups: BenchGroup[] = [
  {
    name: 'logger: lines/s',
    targets: [
      { kind: 'ratio', against: 'pino', atLeast: 0.95 },
      { kind: 'ratio', against: 'powertools', atLeast: 1.2 },
    ],
    note: 'one info line, 3 fields, bound to the invocation, sync writes to /dev/null; sluice with default redaction',
    subjects: [
      { subject: 'pino', fn: () => raw.info(fields, 'order accepted') },
      { subject: 'powertools', fn: () => powertools.info('order accepted', fields) },
      { subject: 'sluice', fn: () => sluiceLog.info(fields, 'order accepted') },
    ],
  },
]
