// The one SDK export the handler uses, named so that a bundler keeps only what it needs: `await import()` of the
// package itself hands over its whole namespace, and every DynamoDB command would be bundled and loaded with it.
export { DynamoDBClient } from '@aws-sdk/client-dynamodb'
