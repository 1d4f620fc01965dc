/**
 * Event types `@types/aws-lambda` does not have; shaped as AWS sends the events (and as `@sluice/events`
 * parses them). Only what the builders produce is spelled out.
 */

/**
 * An S3 Object Lambda GetObject request.
 *
 * @example
 * const event: S3ObjectLambdaGetObjectEvent = events['s3-object-lambda']()
 */
export interface S3ObjectLambdaGetObjectEvent {
  xAmzRequestId: string
  getObjectContext: { inputS3Url: string; outputRoute: string; outputToken: string }
  configuration: { accessPointArn: string; supportingAccessPointArn: string; payload: string }
  userRequest: { url: string; headers: Record<string, string> }
  userIdentity: { type: string; principalId: string; arn: string; accountId: string; accessKeyId: string }
  protocolVersion: string
}

/**
 * A VPC Lattice request, event structure version 2.0.
 *
 * @example
 * const event: VpcLatticeV2Event = events['vpc-lattice']()
 */
export interface VpcLatticeV2Event {
  version: '2.0'
  path: string
  method: string
  headers: Record<string, string[]>
  queryStringParameters?: Record<string, string[]>
  body?: string
  isBase64Encoded?: boolean
  requestContext: {
    serviceNetworkArn: string
    serviceArn: string
    targetGroupArn: string
    region: string
    timeEpoch: string
    identity: { sourceVpcArn?: string; type?: string; principal?: string }
  }
}

/**
 * An Amazon MQ for ActiveMQ event.
 *
 * @example
 * const event: ActiveMqEvent = events.mq()
 */
export interface ActiveMqEvent {
  eventSource: 'aws:mq'
  eventSourceArn: string
  messages: Array<{
    messageID: string
    messageType: string
    data: string
    connectionId?: string
    redelivered: boolean
    persistent?: boolean
    destination: { physicalName: string }
    timestamp: number
    brokerInTime: number
    brokerOutTime: number
    properties?: Record<string, string>
  }>
}

/**
 * An AWS Config custom rule evaluation request.
 *
 * @example
 * const event: ConfigRuleEvent = events.config()
 */
export interface ConfigRuleEvent {
  version: string
  invokingEvent: string
  ruleParameters?: string
  resultToken: string
  eventLeftScope: boolean
  executionRoleArn: string
  configRuleArn: string
  configRuleName: string
  configRuleId: string
  accountId: string
  evaluationMode?: string
}

/**
 * An Alexa Skills Kit request.
 *
 * @example
 * const event: AlexaSkillEvent = events.alexa()
 */
export interface AlexaSkillEvent {
  version: string
  session?: {
    new: boolean
    sessionId: string
    application: { applicationId: string }
    attributes?: Record<string, unknown>
    user: { userId: string }
  }
  context: {
    System: {
      application: { applicationId: string }
      user: { userId: string }
      device: { deviceId: string; supportedInterfaces: Record<string, unknown> }
      apiEndpoint: string
      apiAccessToken?: string
    }
  }
  request: {
    type: string
    requestId: string
    timestamp: string
    locale?: string
    intent?: {
      name: string
      confirmationStatus?: string
      slots?: Record<string, { name: string; value?: string }>
    }
  }
}

/**
 * An AWS IoT Button press.
 *
 * @example
 * const event: IotButtonEvent = events['iot-button']()
 */
export interface IotButtonEvent {
  serialNumber: string
  clickType: 'SINGLE' | 'DOUBLE' | 'LONG'
  batteryVoltage: string
}
