import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import { SluiceRuntimeError } from '../errors.ts'
import { formatBytes } from '../package/limits.ts'
import { packageHandler } from '../package/package-handler.ts'
import type { CliIo } from './io.ts'

/** Help lines of `sluice package`, for the CLI's `--help`. */
export const PACKAGE_HELP = `Options of package:
  -o, --out <dir>          directory for the zip (required); the zip is <dir>/<name>.zip
      --name <name>        zip base name (default: the handler file's base name)
      --bundle-sdk         bundle @aws-sdk/* instead of using the SDK nodejs24.x ships
      --include <glob>     file, directory or glob read at run time, relative to the handler (repeatable)
      --json               print { zipPath, zipBytes, unzippedBytes, handler, files, warnings } and nothing else
`

/**
 * `sluice package <file#export> --out <dir>`: bundles the handler into `index.mjs` (what Lambda runs) and zips
 * it as `<dir>/<name>.zip`; prints the zip's path and size and the handler string to configure. Returns 0;
 * bad input and a package over Lambda's limits throw a `SluiceRuntimeError` (exit 2).
 *
 * @example
 * process.exitCode = await packageCommand(['src/orders.ts#handler', '--out', 'dist'], processIo())
 */
export async function packageCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv)
  const handler = positionals[0]
  if (handler === undefined || positionals.length > 1 || values.out === undefined) {
    throw new SluiceRuntimeError(
      'INVALID_ARGUMENT',
      'sluice package needs one handler and --out, like: sluice package src/handler.ts#handler --out dist',
    )
  }
  const result = await packageHandler({
    handler,
    outDir: values.out,
    cwd: io.cwd,
    bundleSdk: values['bundle-sdk'] ?? false,
    include: values.include ?? [],
    ...(values.name === undefined ? {} : { name: values.name }),
  })
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  const near = relative(io.cwd, result.zipPath)
  const shown = near === '' || near.startsWith('..') ? result.zipPath : near
  io.stdout.write(
    `${shown}  ${formatBytes(result.zipBytes)} (${formatBytes(result.unzippedBytes)} unzipped)\n`,
  )
  for (const file of result.files) io.stdout.write(`  ${file.path}  ${formatBytes(file.bytes)}\n`)
  io.stdout.write(`handler: ${result.handler}  (runtime nodejs24.x)\n`)
  for (const warning of result.warnings) io.stderr.write(`sluice: warning: ${warning}\n`)
  return 0
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        name: { type: 'string' },
        'bundle-sdk': { type: 'boolean' },
        include: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new SluiceRuntimeError('INVALID_ARGUMENT', `${reason}: run sluice --help for the options`)
  }
}
