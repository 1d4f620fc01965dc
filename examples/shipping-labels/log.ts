import { createLogger } from '@sluice/logger'

/** The function's one root logger, made at INIT and shared by every invocation a worker thread runs. */
export const log = createLogger({ service: 'labels' })
