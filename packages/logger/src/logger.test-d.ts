import { lambda } from '@sluice/core'
import type { Logger as PinoLogger } from 'pino'
import { describe, expectTypeOf, test } from 'vitest'
import { childForRecord } from './child-for-record.ts'
import { logger } from './logger.ts'
import type { Logger } from './logger-type.ts'

describe('logger() types', () => {
  test('the handler context gets log: a pino Logger, named as the package declares it', () => {
    // A pino Logger both ways, under @sluice/logger's own name (so declaration emits never name pino).
    expectTypeOf<Logger>().toExtend<PinoLogger>()
    expectTypeOf<PinoLogger>().toExtend<Logger>()
    lambda<{ Records: Array<{ messageId: string }> }>()
      .use(logger())
      .handler((event, context) => {
        expectTypeOf(context.log).toEqualTypeOf<Logger>()
        expectTypeOf(childForRecord(context.log, event.Records[0])).toEqualTypeOf<Logger>()
      })
  })

  test('level and fieldNames only take known values; root excludes nothing at the type level', () => {
    logger({ level: 'DEBUG', fieldNames: 'powertools' })
    // @ts-expect-error not a level
    logger({ level: 'verbose' })
    // @ts-expect-error not a field style
    logger({ fieldNames: 'ecs' })
  })
})
