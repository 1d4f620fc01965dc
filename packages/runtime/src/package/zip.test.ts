import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import { zipPackage } from './zip.ts'

const text = (value: string) => new TextEncoder().encode(value)
const files = [
  { path: 'index.mjs.map', contents: text('{"version":3,"mappings":""}') },
  { path: 'index.mjs', contents: text('export const handler = async () => 42\n'.repeat(50)) },
  { path: 'assets/logo.svg', contents: text('<svg/>') },
]

/** Central directory records: name, the OS that made the entry and its Unix mode (PKZIP APPNOTE 4.3.12). */
function centralDirectory(zip: Uint8Array): { name: string; os: number; mode: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const records = []
  for (let at = 0; at + 46 <= zip.byteLength; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue
    const nameLength = view.getUint16(at + 28, true)
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
    records.push({ name, os: view.getUint8(at + 5), mode: view.getUint32(at + 38, true) >>> 16 })
  }
  return records
}

describe('zipPackage', () => {
  it('puts index.mjs at the zip root, and every file reads back byte for byte', () => {
    const zip = zipPackage(files)
    const entries = unzipSync(zip)
    expect(Object.keys(entries).sort()).toEqual(['assets/logo.svg', 'index.mjs', 'index.mjs.map'])
    for (const file of files) expect(entries[file.path]).toEqual(file.contents)
    expect(zip.byteLength).toBeLessThan(files.reduce((sum, file) => sum + file.contents.byteLength, 0))
  })

  it('marks every file as a Unix regular file readable by everyone (0644), as Lambda needs', () => {
    const records = centralDirectory(zipPackage(files))
    expect(records.map((record) => record.name).sort()).toEqual([
      'assets/logo.svg',
      'index.mjs',
      'index.mjs.map',
    ])
    for (const record of records) {
      expect(record.os).toBe(3)
      expect(record.mode).toBe(0o100644)
    }
  })

  it('is reproducible: the same files in any order give the same bytes', () => {
    expect(zipPackage(files)).toEqual(zipPackage([...files].reverse()))
  })

  it.each([
    ['../outside.js', 'a parent segment'],
    ['/etc/passwd', 'an absolute path'],
    ['assets//x', 'an empty segment'],
  ])('refuses %s (%s)', (path) => {
    const attempt = () => zipPackage([{ path, contents: text('x') }])
    expect(attempt).toThrow(SluiceRuntimeError)
    expect(attempt).toThrow(/relative to the zip root/)
  })

  it('refuses the same path twice, whatever the separator', () => {
    const twice = [
      { path: 'assets/a.txt', contents: text('1') },
      { path: 'assets\\a.txt', contents: text('2') },
    ]
    expect(() => zipPackage(twice)).toThrow(/assets\/a.txt is in the package twice/)
  })

  it('keeps a file named like an Object.prototype key', () => {
    const entries = unzipSync(zipPackage([{ path: 'constructor', contents: text('c') }]))
    expect(Object.keys(entries)).toEqual(['constructor'])
  })
})
