#!/usr/bin/env node
// In the workspace the TypeScript sources run directly (Node 24 strips their types). A published package has no
// src/ and ships the built dist/ instead.
const { runCli } = await import('../src/cli.ts').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  return import('../dist/cli.mjs')
})
await runCli()
