import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { createContainer } from '@sluice/testing'
import type { S3Event } from 'aws-lambda'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import event from './event.json' with { type: 'json' }
import type { ThumbnailResult } from './handler.ts'
import missingObjectEvent from './missing-object-event.json' with { type: 'json' }
import mixedEvent from './mixed-event.json' with { type: 'json' }
import { decodePnm, encodePnm, type Image } from './pnm.ts'
import { downscale } from './thumbnail.ts'

const cwd = fileURLToPath(new URL('.', import.meta.url))
const module = new URL('./handler.ts', import.meta.url)
const fixtures = fileURLToPath(new URL('./fixtures/buckets/', import.meta.url))
const sourcePath = join(fixtures, 'photos-upload/photos/Happy Face.ppm')
type Result = { thumbnails: ThumbnailResult[] }

let work: string
let buckets: string
let tmp: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'sluice-s3-thumbnails-test-'))
  buckets = join(work, 'buckets')
  tmp = join(work, 'tmp')
  // a copy, so thumbnails are written into the test's directory and not into the repository
  await cp(fixtures, buckets, { recursive: true, filter: (path) => !path.includes('photos-thumbnails') })
  await mkdir(tmp)
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

const settings = () => ({
  OBJECTS_DIR: buckets,
  ASSET_BUCKET: 'brand-assets',
  THUMBNAIL_BUCKET: 'photos-thumbnails',
  TMPDIR: tmp,
  LOG_LEVEL: 'silent',
})
const thumbnails = (env: Record<string, string> = settings()) =>
  createContainer<S3Event, Result>({ module, env })

describe('s3-thumbnails: the image code', () => {
  const image = (width: number, height: number, value: (i: number) => number): Image => ({
    width,
    height,
    channels: 1,
    pixels: Uint8Array.from({ length: width * height }, (_, i) => value(i)),
  })

  it('averages every source pixel into the target pixel and keeps the aspect ratio', () => {
    const checker = image(40, 20, (i) => (((i % 40) + Math.floor(i / 40)) % 2 === 0 ? 0 : 200))
    const small = downscale(checker, 10)

    expect([small.width, small.height]).toEqual([10, 5])
    expect(new Set(small.pixels)).toEqual(new Set([100]))
  })

  it('never scales up, and round-trips through PGM/PPM', () => {
    const tiny = image(3, 2, (i) => i * 40)

    expect(downscale(tiny, 128)).toEqual(tiny)
    expect(decodePnm(encodePnm(tiny))).toEqual(tiny)
  })

  it('refuses what is not an 8-bit binary PGM/PPM', () => {
    expect(() => decodePnm(new TextEncoder().encode('P3\n1 1\n255\n0 0 0\n'))).toThrow(
      /IMAGE_INVALID|P5 or P6/,
    )
    expect(() => decodePnm(new TextEncoder().encode('P6\n2 2\n65535\n'))).toThrow(/maxval 65535/)
    expect(() => decodePnm(new TextEncoder().encode('P5\n4 4\n255\nab'))).toThrow(/cut short/)
  })
})

describe('s3-thumbnails: the handler', () => {
  it('writes a watermarked thumbnail through a scratch directory that is gone afterwards', async () => {
    await using container = thumbnails()
    const {
      thumbnails: [result],
    } = await container.invoke(event as S3Event)

    expect(result).toMatchObject({
      key: 'photos/Happy Face.ppm',
      thumbnailKey: 'thumbnails/photos/Happy Face.ppm',
      width: 128,
      height: 96,
      // the download went through the scratch: it held the whole object
      scratchBytes: (await readFile(sourcePath)).length,
    })
    const written = decodePnm(
      await readFile(join(buckets, 'photos-thumbnails/thumbnails/photos/Happy Face.ppm')),
    )
    const plain = downscale(decodePnm(await readFile(sourcePath)), 128)
    expect([written.width, written.height, written.channels]).toEqual([128, 96, 3])
    // the corner carries the mark, the rest is the plain downscale
    expect(written.pixels.subarray(0, 3 * 128 * 40)).toEqual(plain.pixels.subarray(0, 3 * 128 * 40))
    expect(written.pixels).not.toEqual(plain.pixels)
    // /tmp holds the asset cache and nothing else: the scratch was removed
    expect(await readdir(tmp)).toEqual(['thumbnail-assets'])
    // the cached asset, beside the cache's marker and journal
    expect((await readdir(join(tmp, 'thumbnail-assets'))).sort()).toEqual(['.sluice-cache', 'watermark.pgm'])
  })

  it('removes the scratch when the invocation fails too', async () => {
    await using container = thumbnails()
    const outcome = await container.invokeResult(missingObjectEvent as S3Event)

    expect(outcome.ok ? undefined : outcome.error.errorMessage).toMatch(
      /no object .*deleted-before-we-got-there/,
    )
    expect((await readdir(tmp)).filter((name) => name.startsWith('sluice-scratch'))).toEqual([])
  })

  it('skips objects that are not images or not valid ones, and still does the rest', async () => {
    await using container = thumbnails()
    const { thumbnails: results } = await container.invoke(mixedEvent as S3Event)

    expect(results.map((r) => ('skipped' in r ? `skipped ${r.key}` : `made ${r.thumbnailKey}`))).toEqual([
      'skipped photos/notes.txt',
      'skipped photos/broken.ppm',
      'made thumbnails/photos/Happy Face.ppm',
    ])
  })

  it('takes the asset from the /tmp cache when the function restarts in the same sandbox', async () => {
    {
      await using first = thumbnails()
      await first.invoke(event as S3Event)
    }
    await rm(join(buckets, 'brand-assets'), { recursive: true })
    await using restarted = thumbnails()
    const {
      thumbnails: [result],
    } = await restarted.invoke(event as S3Event)

    expect(result).toMatchObject({ width: 128, height: 96 })
  })

  it('reads from and writes to S3 with the AWS SDK (an S3 look-alike on 127.0.0.1)', async () => {
    const objects = new Map<string, Buffer>([
      ['/photos-upload/photos/Happy%20Face.ppm', await readFile(sourcePath)],
      [
        '/brand-assets/brand/watermark.pgm',
        await readFile(join(fixtures, 'brand-assets/brand/watermark.pgm')),
      ],
    ])
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      const path = request.url?.split('?')[0] ?? ''
      if (request.method === 'PUT') {
        objects.set(path, Buffer.concat(chunks))
        response.setHeader('etag', '"1"').end()
        return
      }
      const body = objects.get(path)
      if (body === undefined)
        response
          .writeHead(404, { 'content-type': 'application/xml' })
          .end('<Error><Code>NoSuchKey</Code></Error>')
      else response.writeHead(200, { 'content-length': body.length }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { OBJECTS_DIR: _, ...rest } = settings()
      await using container = thumbnails({
        ...rest,
        AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      })
      await container.invoke(event as S3Event)

      const put = objects.get('/photos-thumbnails/thumbnails/photos/Happy%20Face.ppm')
      expect(put && decodePnm(put)).toMatchObject({ width: 128, height: 96, channels: 3 })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('runs under the local Lambda runtime, leaving only the cache in the container’s /tmp', async () => {
    const { TMPDIR: _, ...env } = settings()
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, env, timeoutMs: 10_000 })
    const cold = await runtime.invoke(event)
    const warm = await runtime.invoke(event)

    expect(cold.error).toBeUndefined()
    expect((warm.result as Result).thumbnails[0]).toMatchObject({ width: 128, height: 96 })
    const container = runtime.containers[0]
    expect(container && (await readdir(container.tmpDir))).toEqual(['thumbnail-assets'])
  })
})
