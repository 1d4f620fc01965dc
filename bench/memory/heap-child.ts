// Runs in a fresh `node --expose-gc` process: builds one subject's handler, warms it up, then reads the heap
// around `invocations` awaited calls, `rounds` times, and writes { allocated, retained } (bytes per invocation,
// one value per round) as JSON to fd 3. Usage: heap-child.ts <case> <subject> <rounds> <invocations>
import { writeSync } from 'node:fs'
import { GCProfiler, getHeapStatistics } from 'node:v8'
import type { Subject } from '../types.ts'
import { cases } from './cases.ts'

const [name = '', subject = '', rounds = '3', invocations = '100'] = process.argv.slice(2)
const make = cases[name]?.subjects[subject as Subject]
const gc = globalThis.gc
if (make === undefined || gc === undefined) {
  throw new Error(
    `usage: node --expose-gc heap-child.ts <case> <subject> <rounds> <invocations> (${name}/${subject})`,
  )
}
const invoke = await make()
const count = Number(invocations)
let i = 0
// warm-up: JIT, inline caches, lazy module state, pools (sockets, buffers) reach their steady size first
for (const end = Math.max(20, count / 2); i < end; i++) await invoke(i)

const used = () => getHeapStatistics().used_heap_size
const allocated: number[] = []
const retained: number[] = []
for (let round = 0; round < Number(rounds); round++) {
  gc()
  // the heap may be collected during the loop: each collection's freed bytes are added back, from the profiler
  const profiler = new GCProfiler()
  profiler.start()
  const before = used()
  for (let n = 0; n < count; n++) await invoke(i++)
  const after = used()
  const freed = profiler
    .stop()
    .statistics.reduce(
      (sum, gcEvent) =>
        sum + gcEvent.beforeGC.heapStatistics.usedHeapSize - gcEvent.afterGC.heapStatistics.usedHeapSize,
      0,
    )
  allocated.push((after - before + freed) / count)
  gc()
  retained.push((used() - before) / count)
}
writeSync(3, JSON.stringify({ allocated, retained }))
process.exit(0)
