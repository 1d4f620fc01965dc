import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { privateRoots, rootWithOutside } from '../test-support/private-roots.ts'
import { isInside, removeEntry } from './remove.ts'

const makeRoot = privateRoots()

const withOutside = () => rootWithOutside(makeRoot)

describe('removeEntry', () => {
  test('a link in the root is removed, never its target', () => {
    const { root, outside } = withOutside()
    symlinkSync(outside, join(root, 'to-dir'))
    symlinkSync(join(outside, 'precious.txt'), join(root, 'to-file'))
    expect(removeEntry(root, 'to-dir')).toBe('link')
    expect(removeEntry(root, 'to-file')).toBe('link')
    expect(existsSync(join(root, 'to-dir'))).toBe(false)
    expect(lstatSync(join(root, 'to-file'), { throwIfNoEntry: false })).toBeUndefined()
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
  })

  test('a directory is removed with its content, links inside it are not followed', () => {
    const { root, outside } = withOutside()
    mkdirSync(join(root, 'dir', 'deep'), { recursive: true })
    writeFileSync(join(root, 'dir', 'deep', 'a.bin'), 'x')
    symlinkSync(outside, join(root, 'dir', 'deep', 'escape'))
    symlinkSync('/etc', join(root, 'dir', 'etc'))
    expect(removeEntry(root, 'dir')).toBe('dir')
    expect(existsSync(join(root, 'dir'))).toBe(false)
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
    expect(existsSync('/etc/passwd')).toBe(true)
  })

  test('files are unlinked, missing entries are reported, and only single segments are accepted', () => {
    const { root } = withOutside()
    writeFileSync(join(root, 'f'), 'x')
    expect(removeEntry(root, 'f')).toBe('file')
    expect(removeEntry(root, 'f')).toBe('missing')
    for (const bad of ['', '.', '..', 'a/b', '../outside', 'a\0']) {
      expect(() => removeEntry(root, bad)).toThrow(TypeError)
    }
  })
})

describe('isInside', () => {
  test('is strict: the directory itself and its neighbours with a common prefix are not inside', () => {
    expect(isInside('/tmp/a', '/tmp/a/b')).toBe(true)
    expect(isInside('/tmp/a', '/tmp/a')).toBe(false)
    expect(isInside('/tmp/a', '/tmp/ab')).toBe(false)
    expect(isInside('/tmp/a', '/tmp')).toBe(false)
    expect(isInside('/tmp/a', '/tmp/a/..foo')).toBe(true)
  })
})
