// s3-thumbnails with no framework: the floor of its cold-start row. The same work as the Powertools twin
// (s3-thumbnails.by-hand.ts: scratch and asset cache by hand, the S3 client at module scope, the example's
// requests and image code) without middy, a logger library or event validation: one console.log of a JSON line
// per thumbnail. What is left is the S3 SDK's load and its first requests, which any framework pays too.
import type { Context, S3Event } from 'aws-lambda'
import { thumbnailsByHand } from './s3-thumbnails.by-hand.ts'

export const handler = async (event: S3Event, context: Context) =>
  thumbnailsByHand(event.Records, (thumbnail) =>
    console.log(
      JSON.stringify({
        level: 'INFO',
        message: 'thumbnail written',
        requestId: context.awsRequestId,
        ...thumbnail,
      }),
    ),
  )
