// What the s3-thumbnails handlers without @sluice/tmp write by hand, shared by the Powertools twin and the bare
// floor: the scratch directory, the asset cache, and the S3 client made at module scope (the usual advice) with
// the example's options, sending the example's requests. The image code is the example's own.
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { decodePnm, encodePnm } from '../../examples/s3-thumbnails/pnm.ts'
import { downscale, watermark } from '../../examples/s3-thumbnails/thumbnail.ts'

// path-style URLs against an S3 look-alike on localhost (the bench's first invocation), as the example does
const s3 = new S3Client({
  forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined,
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
})
const assetDir = join(tmpdir(), 'thumbnail-assets')

const download = async (bucket: string, key: string, path: string) => {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  await pipeline(Body as Readable, createWriteStream(path))
}

let mask: ReturnType<typeof decodePnm> | undefined
const watermarkMask = async () => {
  if (mask) return mask
  const path = join(assetDir, 'watermark.pgm')
  if (!(await stat(path).catch(() => undefined))) {
    await mkdir(assetDir, { recursive: true })
    await download(process.env.ASSET_BUCKET ?? '', process.env.WATERMARK_KEY ?? 'brand/watermark.pgm', path)
  }
  mask = decodePnm(await readFile(path))
  return mask
}

/** One thumbnail made: what the handler logs and answers. */
export interface Thumbnail {
  readonly key: string
  readonly thumbnailKey: string
}

/**
 * Makes the thumbnail of every record in a scratch directory made and removed by hand, calling `written` after
 * each upload (where a handler logs).
 *
 * @example
 * const thumbnails = await thumbnailsByHand(event.Records, (t) => console.log(JSON.stringify(t)))
 */
export async function thumbnailsByHand(
  records: ReadonlyArray<{ readonly s3: { bucket: { name: string }; object: { key: string } } }>,
  written: (thumbnail: Thumbnail) => void,
): Promise<{ thumbnails: Thumbnail[] }> {
  const scratch = await mkdtemp(join(tmpdir(), 'scratch-'))
  try {
    const results: Thumbnail[] = []
    for (const [index, record] of records.entries()) {
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '))
      const source = join(scratch, `source-${index}.pnm`)
      await download(record.s3.bucket.name, key, source)
      const thumbnail = watermark(
        downscale(decodePnm(await readFile(source)), 128),
        await watermarkMask(),
        0.6,
      )
      const thumbnailKey = `thumbnails/${key}`
      await s3.send(
        new PutObjectCommand({
          Bucket: process.env.THUMBNAIL_BUCKET,
          Key: thumbnailKey,
          Body: encodePnm(thumbnail),
          ContentType: thumbnail.channels === 1 ? 'image/x-portable-graymap' : 'image/x-portable-pixmap',
        }),
      )
      written({ key, thumbnailKey })
      results.push({ key, thumbnailKey })
    }
    return { thumbnails: results }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
