#!/usr/bin/env node
import { processIo } from '../src/cli/io.ts'
// Node 24 strips the types of the TypeScript sources it imports; this shim exists so package managers can
// link a .mjs bin.
import { main } from '../src/cli/main.ts'

process.exitCode = await main(process.argv.slice(2), processIo())
