export {
  boundedError,
  boundedMetadata,
  DEFAULT_MAX_METADATA_BYTES,
  type TruncatedMetadata,
} from './bounded.ts'
export { captureAWSv3Client } from './capture-client.ts'
export { tracingEnabled } from './enabled.ts'
export { TracerError, type TracerErrorCode } from './errors.ts'
export { recordSubsegment } from './record-subsegment.ts'
export { type TracerOptions, tracer } from './tracer.ts'
