import { createReadStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { SluiceError } from '@sluice/core'
import { once } from '@sluice/init'

/** Where objects are read from and thumbnails written to: S3 in Lambda, a directory for local runs. */
export interface ObjectStore {
  readonly kind: 's3' | 'dir'
  get(bucket: string, key: string): Promise<Readable>
  put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void>
}

/**
 * S3 through AWS SDK v3. The SDK is imported and the client made once, on first use: a container that never
 * touches S3 never loads it. With `AWS_ENDPOINT_URL_S3` set (an S3 look-alike on localhost) path-style URLs
 * are used, since such servers have no per-bucket host names.
 *
 * @example
 * const store = s3Store()
 * const body = await store.get('photos-upload', 'photos/cat.ppm')
 */
export function s3Store(env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const sdk = once(async () => {
    const { GetObjectCommand, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3')
    const client = new S3Client({
      forcePathStyle: env.AWS_ENDPOINT_URL_S3 !== undefined,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
    })
    return { client, GetObjectCommand, PutObjectCommand }
  })
  return {
    kind: 's3',
    async get(bucket, key) {
      const { client, GetObjectCommand } = await sdk()
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      if (Body === undefined)
        throw new SluiceError(`s3://${bucket}/${key} has no body`, { code: 'OBJECT_EMPTY' })
      return Body as Readable
    },
    async put(bucket, key, body, contentType) {
      const { client, PutObjectCommand } = await sdk()
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      )
    },
  }
}

/**
 * A directory standing in for S3 (`<root>/<bucket>/<key>`), for `sluice invoke` and the demo.
 *
 * @example
 * const store = dirStore('fixtures/buckets')
 */
export function dirStore(root: string): ObjectStore {
  const pathOf = (bucket: string, key: string) => {
    const base = resolve(root, bucket)
    const path = resolve(base, key)
    // keys come from events: never let one reach outside its bucket's directory
    if (!path.startsWith(base + sep)) {
      throw new SluiceError(`Key ${key} leaves the bucket directory`, { code: 'OBJECT_KEY_INVALID' })
    }
    return path
  }
  return {
    kind: 'dir',
    async get(bucket, key) {
      const stream = createReadStream(pathOf(bucket, key))
      // surface "no such object" here, as S3's GetObject would, not halfway through a pipeline
      await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject)).catch(
        (error) => {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
          throw new SluiceError(`There is no object ${key} in ${bucket} (deleted since the upload?)`, {
            code: 'OBJECT_NOT_FOUND',
            cause: error,
          })
        },
      )
      return stream
    },
    async put(bucket, key, body) {
      const path = pathOf(bucket, key)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, body)
    },
  }
}

/**
 * The store for this environment: `OBJECTS_DIR` set → a directory, else S3.
 *
 * @example
 * const store = objectStore(process.env)
 */
export const objectStore = (env: NodeJS.ProcessEnv): ObjectStore =>
  env.OBJECTS_DIR ? dirStore(join(env.OBJECTS_DIR)) : s3Store(env)
