// The DynamoDB commands the store sends, named so that a bundler keeps only these: an `import()` of the package
// itself hands over its whole namespace, and every DynamoDB command would be bundled and loaded with it.
export {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
