// The AWS SDK pieces the S3 store uses, named here so that a bundler keeps only them: `await import()` of the
// package itself hands over its whole namespace, and every S3 command would be bundled and loaded with it.
export { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
