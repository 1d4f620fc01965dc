import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { privateRoots, rootWithOutside } from '../test-support/private-roots.ts'
import { removeEntryOffThread } from './remove-off-thread.ts'

const makeRoot = privateRoots()

const withOutside = () => rootWithOutside(makeRoot)

describe('removeEntryOffThread', () => {
  test('a link in the root is removed, never its target', async () => {
    const { root, outside } = withOutside()
    symlinkSync(outside, join(root, 'to-dir'))
    symlinkSync(join(outside, 'precious.txt'), join(root, 'to-file'))
    expect(await removeEntryOffThread(root, 'to-dir')).toBe('link')
    expect(await removeEntryOffThread(root, 'to-file')).toBe('link')
    expect(lstatSync(join(root, 'to-dir'), { throwIfNoEntry: false })).toBeUndefined()
    expect(lstatSync(join(root, 'to-file'), { throwIfNoEntry: false })).toBeUndefined()
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
  })

  test('a directory of files and links is removed, links inside unlinked, not followed', async () => {
    const { root, outside } = withOutside()
    mkdirSync(join(root, 'scratch'))
    writeFileSync(join(root, 'scratch', 'a.bin'), 'x')
    symlinkSync(outside, join(root, 'scratch', 'escape'))
    symlinkSync(join(outside, 'precious.txt'), join(root, 'scratch', 'precious'))
    expect(await removeEntryOffThread(root, 'scratch')).toBe('dir')
    expect(existsSync(join(root, 'scratch'))).toBe(false)
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
  })

  test('a nested or large directory is removed whole, links inside not followed', async () => {
    const { root, outside } = withOutside()
    mkdirSync(join(root, 'dir', 'deep'), { recursive: true })
    writeFileSync(join(root, 'dir', 'deep', 'a.bin'), 'x')
    symlinkSync(outside, join(root, 'dir', 'deep', 'escape'))
    mkdirSync(join(root, 'many'))
    for (let i = 0; i < 100; i++) writeFileSync(join(root, 'many', `${i}.bin`), 'x')
    expect(await removeEntryOffThread(root, 'dir')).toBe('dir')
    expect(await removeEntryOffThread(root, 'many')).toBe('dir')
    expect(existsSync(join(root, 'dir'))).toBe(false)
    expect(existsSync(join(root, 'many'))).toBe(false)
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
  })

  test('a file is unlinked; a missing entry is reported missing; a path is refused', async () => {
    const { root } = withOutside()
    writeFileSync(join(root, 'f.txt'), 'x')
    expect(await removeEntryOffThread(root, 'f.txt')).toBe('file')
    expect(await removeEntryOffThread(root, 'f.txt')).toBe('missing')
    await expect(removeEntryOffThread(root, '../outside')).rejects.toThrow(TypeError)
    await expect(removeEntryOffThread(root, '..')).rejects.toThrow(TypeError)
  })
})
