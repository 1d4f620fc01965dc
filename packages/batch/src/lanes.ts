import type { BatchSource } from './source.ts'

/**
 * How the records of a batch are ordered: lanes run concurrently, the records of one lane one after the other,
 * and a failure blocks the rest of its lane. `bounds` holds lane `l`'s positions `[bounds[l], bounds[l + 1])`
 * in `order` (the record indexes); both `undefined` mean one record per lane, in event order (SQS standard).
 */
export interface Lanes {
  readonly count: number
  readonly bounds: Int32Array | undefined
  readonly order: Int32Array | undefined
  /** Most lanes in flight at once. */
  readonly width: number
}

const groupOf = (record: unknown): string => {
  const group = (record as { attributes?: { MessageGroupId?: unknown } }).attributes?.MessageGroupId
  // A FIFO record always has one; a hand-made record without it joins the '' group rather than none.
  return typeof group === 'string' ? group : ''
}

/** SQS FIFO: one lane per message group, in the order the group first appears, records in event order. */
const fifoLanes = (records: ReadonlyArray<unknown>, concurrency: number): Lanes => {
  const groups = new Map<string, number[]>()
  for (let index = 0; index < records.length; index++) {
    const key = groupOf(records[index])
    const members = groups.get(key)
    if (members === undefined) groups.set(key, [index])
    else members.push(index)
  }
  const order = new Int32Array(records.length)
  const bounds = new Int32Array(groups.size + 1)
  let position = 0
  let lane = 0
  for (const members of groups.values()) {
    bounds[lane++] = position
    for (const index of members) order[position++] = index
  }
  bounds[lane] = position
  return { count: groups.size, bounds, order, width: Math.min(concurrency, groups.size) }
}

/**
 * The lanes for a batch: SQS standard one lane per record (`concurrency` at once), SQS FIFO one per message
 * group (`concurrency` groups at once), Kinesis and DynamoDB Streams a single lane (a batch is one shard).
 *
 * @example
 * lanesFor('kinesis', event.Records, 10) // { count: 1, bounds: [0, n], order: undefined, width: 1 }
 */
export const lanesFor = (
  source: BatchSource,
  records: ReadonlyArray<unknown>,
  concurrency: number,
): Lanes => {
  const count = records.length
  if (source === 'sqs')
    return { count, bounds: undefined, order: undefined, width: Math.min(concurrency, count) }
  if (source === 'sqs-fifo') return fifoLanes(records, concurrency)
  return { count: 1, bounds: Int32Array.of(0, count), order: undefined, width: count === 0 ? 0 : 1 }
}
