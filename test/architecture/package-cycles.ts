/**
 * The cycles of a directed graph given as edges: each strongly connected set of two or more nodes, listed in
 * the order of one path around it (Tarjan's algorithm, then a walk inside the set).
 *
 * @example
 * packageCycles([['a', 'b'], ['b', 'a'], ['b', 'c']]) // [['a', 'b']]
 */
export function packageCycles(edges: ReadonlyArray<readonly [string, string]>): string[][] {
  const next = new Map<string, Set<string>>()
  for (const [from, to] of edges) {
    if (!next.has(to)) next.set(to, new Set())
    next.set(from, (next.get(from) ?? new Set()).add(to))
  }
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const cycles: string[][] = []
  const connect = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node) ?? 0)
    stack.push(node)
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) connect(to)
      if (stack.includes(to)) low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0))
    }
    if (low.get(node) !== index.get(node)) return
    const members = stack.splice(stack.indexOf(node))
    if (members.length > 1) cycles.push(walk(node, new Set(members), next))
  }
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node)
  return cycles
}

/** The shortest path from `start` back to it through `members` (one exists: they are strongly connected). */
function walk(start: string, members: Set<string>, next: Map<string, Set<string>>): string[] {
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const to of next.get(at) ?? []) {
      if (to === start) return trace(at, start, cameFrom)
      if (members.has(to) && !cameFrom.has(to)) {
        cameFrom.set(to, at)
        queue.push(to)
      }
    }
  }
  return [start]
}

function trace(end: string, start: string, cameFrom: Map<string, string>): string[] {
  const path = [end]
  for (let at = end; at !== start; ) {
    at = cameFrom.get(at) ?? start
    path.unshift(at)
  }
  return path
}
