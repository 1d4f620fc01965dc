#!/usr/bin/env node
// Checked before anything else is imported: on an older Node the imports below would fail with an error that
// does not say what is wrong (aws-lambda-ric and @middy/core need Node 22).
const [major = 0] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(
    `sluice needs Node ≥ 22 (found v${process.versions.node}): install Node 22.18 or later ` +
      "(Lambda's runtimes are nodejs22.x and nodejs24.x) and run it again\n",
  )
  process.exit(2)
}

// In the workspace the TypeScript sources run directly (Node 24 strips their types). A published package has no
// src/ and ships the built dist/ instead.
const { runCli } = await import('../src/cli.ts').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  return import('../dist/cli.mjs')
})
await runCli()
