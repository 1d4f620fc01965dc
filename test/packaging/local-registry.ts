import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** The package.json fields a registry serves for one version (the whole manifest, as npm does). */
export type Manifest = { name: string; version: string } & Record<string, unknown>

/** One version the registry offers: its manifest, its integrity, and the packed file when it is ours. */
export type Offered = { manifest: Manifest; integrity: string; file?: string }

/** A registry on 127.0.0.1 serving only what it was given. */
export type LocalRegistry = {
  url: string
  /** Requests it could not answer: a package or a tarball the workspace does not have. */
  misses: string[]
  close(): Promise<void>
}

/**
 * Integrity of every registry package in a pnpm v9 lockfile, by `name@version`. The `packages:` entries are
 * `  'name@version':` followed by `    resolution: {integrity: …}`; snapshots carry no resolution.
 */
export const lockfileIntegrities = (lockfile: string): Map<string, string> => {
  const pattern = /^ {2}'?((?:@[^/\s']+\/)?[^@\s']+@[^\s'(]+)'?:\n {4}resolution: \{integrity: ([^,}\s]+)\}/gm
  return new Map([...lockfile.matchAll(pattern)].map((match) => [match[1] ?? '', match[2] ?? '']))
}

/**
 * The manifest of every package pnpm installed into a virtual store (`node_modules/.pnpm`). In each
 * `.pnpm/<id>/node_modules` the package itself is the one real directory; its dependencies are symlinks.
 */
export const installedManifests = (virtualStore: string): Manifest[] => {
  const found = new Map<string, Manifest>()
  for (const id of readdirSync(virtualStore)) {
    const modules = join(virtualStore, id, 'node_modules')
    if (id === 'node_modules' || !existsSync(modules)) continue
    for (const entry of readdirSync(modules)) {
      const dirs = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((name) => join(modules, entry, name))
        : [join(modules, entry)]
      for (const dir of dirs) {
        if (lstatSync(dir).isSymbolicLink() || !existsSync(join(dir, 'package.json'))) continue
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
        found.set(`${manifest.name}@${manifest.version}`, manifest)
      }
    }
  }
  return [...found.values()]
}

/** The `package/package.json` inside a packed `.tgz` (a tar of 512-byte blocks). */
export const manifestOfTarball = (file: string): Manifest => {
  const tar = gunzipSync(readFileSync(file))
  const field = (start: number, length: number) =>
    tar.toString('utf8', start, start + length).replace(/\0.*$/s, '')
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = field(offset, 100)
    if (name === '') break
    const size = Number.parseInt(field(offset + 124, 12).trim() || '0', 8)
    if (name === 'package/package.json')
      return JSON.parse(tar.toString('utf8', offset + 512, offset + 512 + size))
    offset += 512 + Math.ceil(size / 512) * 512
  }
  throw new Error(`${file} has no package/package.json: is it an npm package tarball?`)
}

/** The `sha512-…` integrity npm and pnpm record for a tarball. */
export const integrityOf = (file: string): string =>
  `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`

const stable = (version: string) => !version.includes('-')
const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })

/**
 * Starts an npm registry on 127.0.0.1 that serves `offered` and nothing else. Third-party tarball URLs answer
 * 404 on purpose: their content must come from the pnpm store (matched by integrity), never from a network.
 */
export const startLocalRegistry = async (offered: Offered[]): Promise<LocalRegistry> => {
  const byName = new Map<string, Offered[]>()
  for (const item of offered)
    byName.set(item.manifest.name, [...(byName.get(item.manifest.name) ?? []), item])
  const files = new Map(
    offered.flatMap((item) => (item.file ? [[basename(item.file), item.file] as const] : [])),
  )
  const misses: string[] = []
  let url = ''

  const packument = (name: string, items: Offered[]) => {
    const versions = items.map((item) => item.manifest.version).sort(byVersion)
    const latest = versions.filter(stable).at(-1) ?? versions.at(-1)
    return {
      name,
      'dist-tags': { latest },
      versions: Object.fromEntries(
        items.map(({ manifest, integrity, file }) => {
          const tarball = file
            ? `${url}/-/packed/${basename(file)}`
            : `${url}/-/store-only/${name}/-/${name.split('/').at(-1)}-${manifest.version}.tgz`
          return [manifest.version, { ...manifest, dist: { integrity, tarball } }]
        }),
      ),
    }
  }

  const server = createServer(function registryRequest(request, response) {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/')
    const packed = path.startsWith('/-/packed/') ? files.get(path.slice('/-/packed/'.length)) : undefined
    if (packed) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(packed))
      return
    }
    const items = path.startsWith('/-/') ? undefined : byName.get(path.slice(1))
    if (!items) {
      misses.push(path)
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
      return
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(packument(path.slice(1), items)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
