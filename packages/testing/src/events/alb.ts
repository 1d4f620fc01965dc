import { randomBytes } from 'node:crypto'
import type { ALBEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge } from './deep-merge.ts'
import { bodyText, type HttpPartial, SOURCE_IP, traceId, USER_AGENT } from './http-body.ts'

/**
 * `events.alb`: an ALB request to a Lambda target (single-value headers), `GET /` unless overridden; a non-string
 * body is sent as JSON with `content-type: application/json`.
 *
 * @example
 * events.alb({ httpMethod: 'POST', body: { sku: 'A1' } })
 */
export function albFromPartial(partial: HttpPartial<ALBEvent> = {}): ALBEvent {
  const { region, accountId, now } = eventSource(partial)
  const { text, json } = bodyText(partial.body)
  const base: ALBEvent = {
    requestContext: {
      elb: {
        targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/sluice-target/${randomBytes(8).toString('hex')}`,
      },
    },
    httpMethod: 'GET',
    path: '/',
    queryStringParameters: {},
    headers: {
      accept: '*/*',
      host: `sluice-alb-${randomBytes(4).readUInt32BE()}.${region}.elb.amazonaws.com`,
      'user-agent': USER_AGENT,
      'x-amzn-trace-id': traceId(now),
      'x-forwarded-for': SOURCE_IP,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(json && { 'content-type': 'application/json' }),
    },
    body: text ?? '',
    isBase64Encoded: false,
  }
  const { body: _, region: __, accountId: ___, clock: ____, ...rest } = partial
  return deepMerge<ALBEvent>(base, rest as DeepPartial<ALBEvent>)
}
