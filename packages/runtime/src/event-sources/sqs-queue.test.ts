import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FateLog } from './fate-log.ts'
import { sourceTime } from './source-time.ts'
import { parseSqsMessage } from './sqs-message.ts'
import { resolveSqsOptions, type SqsSourceOptions } from './sqs-options.ts'
import { SqsQueue } from './sqs-queue.ts'

const target = { invoke: () => Promise.reject(new Error('not called')) }

/** A queue whose messages never come back by themselves (12 h visibility), closed after `run`. */
function withQueue(options: Partial<SqsSourceOptions>, run: (queue: SqsQueue, log: FateLog) => void) {
  const resolved = resolveSqsOptions({ function: target, visibilityTimeout: 43_200, ...options })
  const log = new FateLog(resolved.name, sourceTime())
  const queue = new SqsQueue(
    resolved,
    log,
    () => {},
    () => 1,
  )
  try {
    run(queue, log)
  } finally {
    queue.close()
  }
}

type Op = { send: number } | { receive: number } | { remove: number }
const ops = fc.array(
  fc.oneof(
    fc.record({ send: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ receive: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ remove: fc.nat() }),
  ),
  { maxLength: 60 },
)

describe('SqsQueue (FIFO)', () => {
  it('gives a group only while none of it is in flight, and always its earliest messages, in order', () => {
    fc.assert(
      fc.property(ops, (steps: Op[]) =>
        withQueue({ fifo: true, contentBasedDeduplication: true }, (queue) => {
          const sent = new Map<string, string[]>() // group → ids in send order, deleted ones removed
          const inFlight = new Map<string, { group: string; receipt: string }>()
          let n = 0
          for (const step of steps) {
            if ('send' in step) {
              const group = `g${step.send}`
              const id = queue.send(parseSqsMessage({ body: `m${n++}`, messageGroupId: group }, resolvedFifo))
              sent.set(group, [...(sent.get(group) ?? []), id])
            } else if ('receive' in step) {
              const busy = new Set([...inFlight.values()].map((each) => each.group))
              const receipts = queue.receive(step.receive, () => true)
              expect(receipts.length).toBeLessThanOrEqual(step.receive)
              const byGroup = Map.groupBy(receipts, (receipt) => receipt.message.groupId ?? '')
              for (const [group, got] of byGroup) {
                expect(busy.has(group)).toBe(false)
                expect(got.map((receipt) => receipt.message.id)).toEqual(
                  sent.get(group)?.slice(0, got.length),
                )
              }
              for (const { message, receiptHandle } of receipts)
                inFlight.set(message.id, { group: message.groupId ?? '', receipt: receiptHandle })
            } else {
              const entries = [...inFlight.entries()]
              const picked = entries[step.remove % Math.max(1, entries.length)]
              if (!picked) continue
              const [id, { group, receipt }] = picked
              expect(queue.delete(id, receipt)).toBe(true)
              inFlight.delete(id)
              sent.set(
                group,
                (sent.get(group) ?? []).filter((each) => each !== id),
              )
            }
          }
        }),
      ),
    )
  })

  it('accepts a repeated deduplication id within 5 minutes as the first message', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('d1', 'd2', 'd3'), { minLength: 1, maxLength: 20 }), (dedupIds) =>
        withQueue({ fifo: true }, (queue, log) => {
          const ids = dedupIds.map((dedup) =>
            queue.send(
              parseSqsMessage(
                { body: 'same', messageGroupId: 'g', messageDeduplicationId: dedup },
                resolvedFifo,
              ),
            ),
          )
          expect(new Set(ids).size).toBe(new Set(dedupIds).size)
          expect(log.fates()).toHaveLength(new Set(dedupIds).size)
        }),
      ),
    )
  })
})

const resolvedFifo = resolveSqsOptions({ function: target, fifo: true, contentBasedDeduplication: true })

describe('SqsQueue (standard)', () => {
  it('deletes only with the receipt handle of the latest receive', () => {
    withQueue({}, (queue) => {
      const id = queue.send(parseSqsMessage('x', resolveSqsOptions({ function: target })))
      const [receipt] = queue.receive(10, () => true)
      expect(queue.delete(id, 'AQEBstale')).toBe(false)
      expect(queue.delete(id, receipt!.receiptHandle)).toBe(true)
      expect(queue.receive(10, () => true)).toEqual([])
    })
  })

  it('stops a receive at the first message the byte budget refuses', () => {
    withQueue({}, (queue) => {
      const options = resolveSqsOptions({ function: target })
      for (const body of ['a', 'b', 'c']) queue.send(parseSqsMessage(body, options))
      let budget = 2
      expect(queue.receive(10, () => budget-- > 0).map((receipt) => receipt.message.body)).toEqual(['a', 'b'])
    })
  })
})
