import {
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { threadId } from 'node:worker_threads'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { TmpError } from './errors.ts'
import { liveScratches, openScratch } from './scratch.ts'

const makeRoot = privateRoots()

const expectTmpError = (run: () => unknown, code: string, target?: string) => {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(TmpError)
  expect(caught).toMatchObject({ code, ...(target === undefined ? {} : { target }) })
}

describe('openScratch', () => {
  test('creates nothing until used, then one private directory with a recognisable random name', async () => {
    const root = makeRoot()
    const a = openScratch(root, 'sluice-scratch')
    const b = openScratch(root, 'sluice-scratch')
    expect(readdirSync(root)).toEqual([])
    expect(a.path).toBeUndefined()
    expect(await a.scratch.bytesUsed()).toBe(0)

    const dir = a.scratch.dir
    expect(a.scratch.dir).toBe(dir)
    // <prefix>-<pid>-<process start>-<thread>-<deadline, 0: none given>-<16 hex>
    expect(dir).toMatch(new RegExp(`^${root}/sluice-scratch-${process.pid}-\\d+-${threadId}-0-[0-9a-f]{16}$`))
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(b.scratch.dir).not.toBe(dir)
    expect(liveScratches.has(dir)).toBe(true)

    a.close()
    b.close()
    expect(readdirSync(root)).toEqual([])
    expect(liveScratches.has(dir)).toBe(false)
  })

  test('file() gives paths inside the scratch, creating the scratch but not the file', () => {
    const handle = openScratch(makeRoot(), 'p')
    const path = handle.scratch.file('parts/1.bin')
    expect(path).toBe(join(handle.scratch.dir, 'parts', '1.bin'))
    expect(existsSync(path)).toBe(false)
    expect(handle.scratch.file('./a/../b.txt')).toBe(join(handle.scratch.dir, 'b.txt'))
  })

  test('bytesUsed() sums what was written, through nested directories', async () => {
    const { scratch } = openScratch(makeRoot(), 'p')
    writeFileSync(scratch.file('a.bin'), Buffer.alloc(1000))
    mkdirSync(scratch.file('nested/deeper'), { recursive: true })
    writeFileSync(scratch.file('nested/deeper/b.bin'), Buffer.alloc(2345))
    expect(await scratch.bytesUsed()).toBe(3345)
  })

  test('refuses names that leave the scratch, with TMP_PATH_ESCAPE and the name', () => {
    const { scratch } = openScratch(makeRoot(), 'p')
    for (const name of ['../x', '../../etc/passwd', 'a/../../x', '/etc/passwd', 'a\0b', '..']) {
      expectTmpError(() => scratch.file(name), 'TMP_PATH_ESCAPE', name)
    }
    for (const name of ['', '.', 'a/..', './']) expectTmpError(() => scratch.file(name), 'TMP_INVALID_NAME')
    expectTmpError(() => scratch.file(42 as unknown as string), 'TMP_INVALID_NAME')
    expectTmpError(() => scratch.file('x'.repeat(2000)), 'TMP_INVALID_NAME')
  })

  test('refuses a path through a symbolic link in the scratch that points out', () => {
    const root = makeRoot()
    const outside = join(root, 'outside')
    mkdirSync(outside)
    const { scratch } = openScratch(root, 'p')
    symlinkSync(outside, scratch.file('link'))
    symlinkSync('/etc/passwd', scratch.file('passwd'))
    mkdirSync(scratch.file('inner'))
    symlinkSync(scratch.file('inner'), scratch.file('inner-link'))
    expectTmpError(() => scratch.file('link/new.txt'), 'TMP_PATH_ESCAPE', 'link/new.txt')
    expectTmpError(() => scratch.file('passwd'), 'TMP_PATH_ESCAPE')
    expect(scratch.file('inner-link/x.txt')).toBe(join(scratch.dir, 'inner-link', 'x.txt'))
  })

  test('after close, the scratch refuses to be used again (it would leak a directory)', async () => {
    const handle = openScratch(makeRoot(), 'p')
    writeFileSync(handle.scratch.file('a'), 'x')
    expect(handle.close()).toBe('dir')
    expectTmpError(() => handle.scratch.dir, 'TMP_SCRATCH_CLOSED')
    expectTmpError(() => handle.scratch.file('a'), 'TMP_SCRATCH_CLOSED')
    await expect(handle.scratch.bytesUsed()).rejects.toMatchObject({ code: 'TMP_SCRATCH_CLOSED' })
  })

  /** Where the kernel would land today: the real path of the nearest existing ancestor is inside `realDir`. */
  const landsInside = (path: string, realDir: string): boolean => {
    let current = path
    while (!existsSync(current)) current = dirname(current)
    const real = realpathSync.native(current)
    return real === realDir || real.startsWith(`${realDir}${sep}`)
  }

  test('property: file() returns a path strictly inside the scratch or throws a TmpError, nothing else', () => {
    const root = makeRoot()
    const { scratch } = openScratch(root, 'p')
    mkdirSync(scratch.file('sub'))
    symlinkSync(root, scratch.file('up'))
    writeFileSync(scratch.file('plain'), 'x')
    // Characters that matter to paths, plus ASCII and a few non-ASCII ones ('binary' strings are slow to generate).
    const unit = fc.oneof(
      fc.constantFrom('/', '.', '\0', '\\', '~', '%', 'é', '\u202e', '\ufeff', '𝟘'),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
    )
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'sub', 'up', 'plain', '~', '\0', '%2e%2e', '\\..', ' '),
      fc.string({ unit, maxLength: 8 }),
    )
    const name = fc.oneof(
      fc.string({ unit, maxLength: 40 }),
      fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/')),
      fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
    )
    const realDir = realpathSync(scratch.dir)
    fc.assert(
      fc.property(name, (candidate) => {
        let result: string
        try {
          result = scratch.file(candidate)
        } catch (error) {
          return error instanceof TmpError
        }
        const rel = relative(scratch.dir, result)
        const lexicallyInside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
        return lexicallyInside && landsInside(result, realDir)
      }),
      { numRuns: 2000 },
    )
  })
})
