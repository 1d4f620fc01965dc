// The floor of the Managed Instances row: the same work with no framework — a scratch directory made and removed
// by hand, and the log line a handler without a logger writes (console.log of JSON, as the runtime client
// forwards it). What the runtime client and the local Runtime API cost is all that is left.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Context } from 'aws-lambda'
import { type WorkEvent, work } from './work.ts'

export const handler = async (event: WorkEvent, context: Context) => {
  const scratch = await mkdtemp(join(tmpdir(), 'scratch-'))
  try {
    const result = await work(event, scratch)
    console.log(
      JSON.stringify({
        level: 'info',
        requestId: context.awsRequestId,
        orderId: event.orderId,
        msg: 'order processed',
      }),
    )
    return result
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
