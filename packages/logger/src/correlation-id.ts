type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined)

/**
 * A header's value, whatever its case, from `headers` or else the first of `multiValueHeaders` (API Gateway
 * REST keeps the client's case; HTTP APIs, ALB and Function URLs lower-case names).
 *
 * @example
 * headerValue({ headers: { 'X-Correlation-Id': 'abc' } }, 'x-correlation-id') // 'abc'
 */
export const headerValue = (event: unknown, name: string): string | undefined => {
  for (const map of ['headers', 'multiValueHeaders']) {
    const headers = field(event, map)
    if (!isObject(headers)) continue
    const exact = headers[name]
    const found =
      exact !== undefined
        ? exact
        : headers[Object.keys(headers).find((key) => key.toLowerCase() === name) ?? '']
    const value = text(Array.isArray(found) ? found[0] : found)
    if (value !== undefined) return value
  }
  return undefined
}

const singleRecord = (event: unknown): Fields | undefined => {
  const records = field(event, 'Records')
  return Array.isArray(records) && records.length === 1 && isObject(records[0]) ? records[0] : undefined
}

/** The `x-correlation-id` message attribute of an SQS or SNS record, if it has one. */
export const attributeCorrelationId = (record: unknown): string | undefined => {
  const sqs = field(field(field(record, 'messageAttributes'), 'x-correlation-id'), 'stringValue')
  const sns = field(field(field(field(record, 'Sns'), 'MessageAttributes'), 'x-correlation-id'), 'Value')
  return text(sqs) ?? text(sns)
}

const fromRecord = (record: Fields): string | undefined => {
  if (record.eventSource === 'aws:sqs') return attributeCorrelationId(record) ?? text(record.messageId)
  if (record.EventSource === 'aws:sns')
    return attributeCorrelationId(record) ?? text(field(record.Sns, 'MessageId'))
  return undefined
}

/**
 * The correlation id of an invocation's event, by these rules, first match wins:
 * 1. an `x-correlation-id` header (any case; API Gateway REST/HTTP, ALB, Function URLs);
 * 2. API Gateway REST/HTTP/WebSocket and Function URLs: `requestContext.requestId`;
 * 3. ALB (`requestContext.elb`): the `x-amzn-trace-id` header;
 * 4. a batch of exactly one SQS record: its `x-correlation-id` message attribute, else its `messageId`
 *    (one SNS record: the attribute, else `Sns.MessageId`); larger batches have none: use `childForRecord`;
 * 5. EventBridge (`source`, `detail-type`, `id`): `id`.
 *
 * @example
 * correlationIdOf({ requestContext: { requestId: 'c6af9ac6' }, headers: {} }) // 'c6af9ac6'
 */
export const correlationIdOf = (event: unknown): string | undefined => {
  if (!isObject(event)) return undefined
  const header = headerValue(event, 'x-correlation-id')
  if (header !== undefined) return header
  const requestContext = event.requestContext
  if (isObject(requestContext)) {
    if (isObject(requestContext.elb)) return headerValue(event, 'x-amzn-trace-id')
    const requestId = text(requestContext.requestId)
    if (requestId !== undefined) return requestId
  }
  const record = singleRecord(event)
  if (record !== undefined) return fromRecord(record)
  if (text(event.source) !== undefined && text(event['detail-type']) !== undefined) return text(event.id)
  return undefined
}
