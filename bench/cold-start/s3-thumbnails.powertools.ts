// s3-thumbnails on middy with Powertools Logger and parser (S3 schema). Powertools has no /tmp utilities, so
// the scratch directory and the asset cache are written by hand (s3-thumbnails.by-hand.ts, with the S3 client at
// module scope, as AWS's guidance for SDK clients says, and the example's requests and image code).
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { parser } from '@aws-lambda-powertools/parser/middleware'
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3'
import middy from '@middy/core'
import type { z } from 'zod'
import { thumbnailsByHand } from './s3-thumbnails.by-hand.ts'

const logger = new Logger({ serviceName: 'thumbnails' })

export const handler = middy(async (event: z.infer<typeof S3Schema>) =>
  thumbnailsByHand(event.Records, (thumbnail) => logger.info('thumbnail written', { ...thumbnail })),
)
  .use(injectLambdaContext(logger))
  .use(parser({ schema: S3Schema }))
