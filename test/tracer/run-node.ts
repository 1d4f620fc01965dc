import { spawn } from 'node:child_process'

/**
 * Runs `file` in a fresh Node process with only `env` (and PATH), and resolves with its stdout; rejects with its
 * stderr when it exits non-zero. Killed after 50 s.
 *
 * @example
 * const stdout = await runNode(fixture('traced-handler.ts'), { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' })
 */
export const runNode = (file: string, env: Record<string, string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else reject(new Error(`${file} exited ${code}: ${Buffer.concat(err).toString('utf8')}`))
    })
  })
