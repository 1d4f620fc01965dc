// s3-thumbnails on middy with Powertools Logger and parser (S3 schema). Powertools has no /tmp utilities, so
// the scratch directory and the asset cache are written by hand; the S3 client is created at module scope, as
// AWS's guidance for SDK clients says, with the example's options, and sends the example's requests. The image
// code is the example's own.
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { parser } from '@aws-lambda-powertools/parser/middleware'
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import middy from '@middy/core'
import type { z } from 'zod'
import { decodePnm, encodePnm } from '../../examples/s3-thumbnails/pnm.ts'
import { downscale, watermark } from '../../examples/s3-thumbnails/thumbnail.ts'

const logger = new Logger({ serviceName: 'thumbnails' })
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

export const handler = middy(async (event: z.infer<typeof S3Schema>) => {
  const scratch = await mkdtemp(join(tmpdir(), 'scratch-'))
  try {
    const results = []
    for (const [index, record] of event.Records.entries()) {
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
      logger.info('thumbnail written', { key, thumbnailKey })
      results.push({ key, thumbnailKey })
    }
    return { thumbnails: results }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
})
  .use(injectLambdaContext(logger))
  .use(parser({ schema: S3Schema }))
