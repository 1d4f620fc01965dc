import { createSocket, type Socket } from 'node:dgram'
import type { AddressInfo } from 'node:net'

/** An X-Ray segment document as the SDK sends it (the fields the tests read). */
export interface SegmentDocument {
  readonly name: string
  readonly id: string
  readonly trace_id: string
  readonly parent_id?: string
  readonly type?: string
  readonly annotations?: Record<string, unknown>
  readonly metadata?: Record<string, Record<string, unknown>>
  readonly subsegments?: SegmentDocument[]
  readonly namespace?: string
  readonly aws?: Record<string, unknown>
  readonly fault?: boolean
  readonly error?: boolean
  readonly cause?: { exceptions?: Array<{ message: string; type?: string }> }
  readonly in_progress?: boolean
}

/** A UDP listener on 127.0.0.1 standing in for the X-Ray daemon; decodes every datagram it receives. */
export interface XrayDaemon {
  /** `127.0.0.1:PORT`, for AWS_XRAY_DAEMON_ADDRESS. */
  readonly address: string
  readonly documents: SegmentDocument[]
  /** Lets datagrams already queued on the socket be read. */
  drain(): Promise<void>
  close(): Promise<void>
}

const HEADER = '{"format":"json","version":1}'

/**
 * Starts the listener. Each datagram must be the X-Ray daemon protocol: a JSON header line, then one segment
 * document; anything else fails the test that reads `documents` (the raw datagram is kept in the error).
 */
export const startXrayDaemon = async (): Promise<XrayDaemon> => {
  const socket: Socket = createSocket('udp4')
  const documents: SegmentDocument[] = []
  socket.on('message', (message) => {
    const text = message.toString('utf8')
    const newline = text.indexOf('\n')
    if (text.slice(0, newline) !== HEADER)
      throw new Error(`not an X-Ray daemon datagram: ${text.slice(0, 200)}`)
    documents.push(JSON.parse(text.slice(newline + 1)) as SegmentDocument)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address() as AddressInfo
  return {
    address: `127.0.0.1:${port}`,
    documents,
    drain: async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  }
}
