// A user's plain ESM file: for each package named on the command line, import its public entry and call one
// function. Prints { [package]: result } as JSON; the packaging test checks the values.
const calls = {
  '@sluice/core': async () => {
    const { lambda } = await import('@sluice/core')
    const { createContext, events } = await import('@sluice/testing')
    const handler = lambda().handler(async (event, context) => ({
      records: event.Records.length,
      cold: context.lifecycle.coldStart,
    }))
    return handler(events.sqs({ records: 3 }), createContext())
  },
  '@sluice/testing': async () => {
    const { createClock, createContext } = await import('@sluice/testing')
    const clock = createClock(0)
    const context = createContext({ clock, timeoutMs: 3000 })
    await clock.advance(1000)
    return context.getRemainingTimeInMillis()
  },
  '@sluice/runtime': async () => (await import('@sluice/runtime')).gbSeconds(1024, 1000),
  '@sluice/init': async () => (await import('@sluice/init')).once(() => 42)(),
  '@sluice/tmp': async () => typeof (await import('@sluice/tmp')).tmp().before,
  '@sluice/logger': async () => {
    const { createLogger, memoryDestination } = await import('@sluice/logger')
    const out = memoryDestination()
    createLogger({ destination: out }).info('hello')
    return out.records()[0]?.msg
  },
  '@sluice/tracer': async () => (await import('@sluice/tracer')).tracingEnabled(undefined, {}),
  '@sluice/timeout': async () =>
    (await import('@sluice/timeout')).withTimeout(async () => 1005)(
      {},
      { getRemainingTimeInMillis: () => 3000 },
    ),
  '@sluice/events': async () => {
    const { detectSource } = await import('@sluice/events')
    return detectSource((await import('@sluice/testing')).events.sqs())
  },
  '@sluice/batch': async () => {
    const { readBatch } = await import('@sluice/batch')
    return readBatch((await import('@sluice/testing')).events.sqs({ records: 2 })).ids.length
  },
  '@sluice/idempotency': async () => (await import('@sluice/idempotency')).canonicalJson({ b: 1, a: [2] }),
}

const results = {}
for (const name of process.argv.slice(2)) {
  const call = calls[name]
  results[name] = call ? await call() : { missing: `no call for ${name} in smoke.mjs` }
}
process.stdout.write(JSON.stringify(results))
