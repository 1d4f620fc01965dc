import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { isSluiceError, lambda, SluiceError } from '@sluice/core'
import { parse, s3Schema } from '@sluice/events'
import { awaitInit, once } from '@sluice/init'
import { childForRecord, logger } from '@sluice/logger'
import { tmp, tmpCache } from '@sluice/tmp'
import type { S3Event } from 'aws-lambda'
import { objectStore } from './objects.ts'
import { decodePnm, encodePnm } from './pnm.ts'
import { downscale, watermark } from './thumbnail.ts'

/** What one uploaded object turned into. */
export type ThumbnailResult =
  | {
      readonly key: string
      readonly thumbnailKey: string
      readonly width: number
      readonly height: number
      readonly scratchBytes: number
    }
  | { readonly key: string; readonly skipped: string }

const setting = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new SluiceError(`Set ${name} in the function's environment`, { code: 'SETTING_MISSING' })
  return value
}

// Module scope = INIT, once per container.
const store = objectStore(process.env)
// The brand mark is a static asset: fetched once per container into a size-capped /tmp cache (16 MB; least
// recently used files go first), decoded once, and prefetched now so the first invocation rarely waits for it.
const assets = tmpCache({ dir: 'thumbnail-assets', maxBytes: 16 * 1024 ** 2 })
const watermarkMask = once(async () => {
  const key = process.env.WATERMARK_KEY ?? 'brand/watermark.pgm'
  const path = await assets.getOrFetch('watermark.pgm', () => store.get(setting('ASSET_BUCKET'), key))
  return decodePnm(await readFile(path))
})
void watermarkMask()

/**
 * Makes a thumbnail of every PGM/PPM image uploaded to the bucket: downloads it into the invocation's private
 * scratch directory (removed when the invocation ends, whatever happens), scales it down, stamps the brand mark
 * cached in /tmp, and writes it to `THUMBNAIL_BUCKET` under `thumbnails/`.
 *
 * @example
 * pnpm exec sluice invoke examples/s3-thumbnails/handler.ts#handler --event examples/s3-thumbnails/event.json \
 *   --env OBJECTS_DIR=examples/s3-thumbnails/fixtures/buckets --env ASSET_BUCKET=brand-assets --env THUMBNAIL_BUCKET=photos-thumbnails
 */
export const handler = lambda<S3Event>()
  .use(logger({ service: 'thumbnails' }))
  .use(parse(s3Schema))
  .use(awaitInit({ caches: { watermark: watermarkMask } }))
  .use(tmp({ keep: [assets.dir] })) // last (innermost): its after/onError run first, so nothing can skip them
  .handler(async (event, context) => {
    const thumbnailBucket = setting('THUMBNAIL_BUCKET')
    const maxSide = Number(process.env.THUMBNAIL_MAX_SIDE ?? 128)
    const results: ThumbnailResult[] = []
    for (const [index, record] of event.Records.entries()) {
      // S3 event keys are URL-encoded, with '+' for spaces
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '))
      const log = childForRecord(context.log, record)
      if (!/\.(pgm|ppm|pnm)$/i.test(key)) {
        log.info({ key }, 'not a PGM/PPM image: skipped')
        results.push({ key, skipped: 'not a PGM/PPM image' })
        continue
      }
      const source = context.tmp.file(`source-${index}.pnm`)
      await pipeline(await store.get(record.s3.bucket.name, key), createWriteStream(source))
      let image: ReturnType<typeof decodePnm>
      try {
        image = decodePnm(await readFile(source))
      } catch (error) {
        // a broken upload stays broken: log it and move on instead of failing into retries
        if (!isSluiceError(error) || error.code !== 'IMAGE_INVALID') throw error
        log.warn({ key, code: error.code, reason: error.message }, 'not a valid image: skipped')
        results.push({ key, skipped: error.message })
        continue
      }
      const thumbnail = watermark(downscale(image, maxSide), context.init.watermark, 0.6)
      const thumbnailKey = `thumbnails/${key.replace(/\.[^./]+$/, '')}.${thumbnail.channels === 1 ? 'pgm' : 'ppm'}`
      const type = thumbnail.channels === 1 ? 'image/x-portable-graymap' : 'image/x-portable-pixmap'
      await store.put(thumbnailBucket, thumbnailKey, encodePnm(thumbnail), type)
      const scratchBytes = await context.tmp.bytesUsed()
      const { width, height } = thumbnail
      log.info(
        { key, thumbnailKey, from: [image.width, image.height], to: [width, height], scratchBytes },
        'thumbnail written',
      )
      results.push({ key, thumbnailKey, width, height, scratchBytes })
    }
    return { thumbnails: results }
  })
