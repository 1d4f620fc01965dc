// `@sluice/idempotency/dynamodb`: the one entry that loads and names `@aws-sdk/client-dynamodb` (an optional
// peer), so memory, cached and Redis store users type-check and bundle without it.
export { type DynamoDbAttributes, defaultAttributes } from './dynamodb-item.ts'
export { type DynamoDbStoreOptions, dynamoDbStore } from './dynamodb-store.ts'
