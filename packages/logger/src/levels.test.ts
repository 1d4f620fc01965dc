import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { LoggerError } from './errors.ts'
import { LEVEL_VALUES, parseLevel, resolveLevel } from './levels.ts'

describe('parseLevel', () => {
  test('reads every level name in any case', () => {
    const names = [...Object.keys(LEVEL_VALUES), 'silent']
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(fc.boolean(), { maxLength: 8 }), (name, upper) => {
        const mixed = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')
        expect(parseLevel(mixed)).toBe(name)
      }),
    )
  })

  test('maps Powertools CRITICAL to fatal and WARNING to warn, and rejects other words', () => {
    expect(parseLevel('CRITICAL')).toBe('fatal')
    expect(parseLevel('warning')).toBe('warn')
    expect(parseLevel('verbose')).toBeUndefined()
    expect(parseLevel('')).toBeUndefined()
  })
})

describe('resolveLevel precedence', () => {
  test('AWS_LAMBDA_LOG_LEVEL (advanced logging controls) beats the option and both variables', () => {
    const env = { AWS_LAMBDA_LOG_LEVEL: 'WARN', POWERTOOLS_LOG_LEVEL: 'DEBUG', LOG_LEVEL: 'trace' }
    expect(resolveLevel('error', env)).toMatchObject({ level: 'warn', source: 'AWS_LAMBDA_LOG_LEVEL' })
  })

  test('warns when the option asks for more detail than Lambda lets through', () => {
    const resolved = resolveLevel('debug', { AWS_LAMBDA_LOG_LEVEL: 'ERROR' })
    expect(resolved.level).toBe('error')
    expect(resolved.warnings).toEqual([expect.stringContaining('below Lambda')])
    expect(resolveLevel('fatal', { AWS_LAMBDA_LOG_LEVEL: 'ERROR' }).warnings).toEqual([])
  })

  test('AWS_LAMBDA_LOG_LEVEL=FATAL is fatal', () => {
    expect(resolveLevel(undefined, { AWS_LAMBDA_LOG_LEVEL: 'FATAL' }).level).toBe('fatal')
  })

  test('then the option, then POWERTOOLS_LOG_LEVEL, then LOG_LEVEL, then info', () => {
    const env = { POWERTOOLS_LOG_LEVEL: 'error', LOG_LEVEL: 'debug' }
    expect(resolveLevel('warn', env)).toMatchObject({ level: 'warn', source: 'option' })
    expect(resolveLevel(undefined, env)).toMatchObject({ level: 'error', source: 'POWERTOOLS_LOG_LEVEL' })
    expect(resolveLevel(undefined, { LOG_LEVEL: 'DEBUG' })).toMatchObject({
      level: 'debug',
      source: 'LOG_LEVEL',
    })
    expect(resolveLevel(undefined, {})).toMatchObject({ level: 'info', source: 'default', warnings: [] })
  })

  test('skips a variable that is not a level, with a warning, and uses the next source', () => {
    const resolved = resolveLevel(undefined, { AWS_LAMBDA_LOG_LEVEL: 'loud', LOG_LEVEL: 'verbose' })
    expect(resolved).toMatchObject({ level: 'info', source: 'default' })
    expect(resolved.warnings).toHaveLength(2)
  })

  test('a level option that is not a level throws INVALID_LOG_LEVEL naming the option', () => {
    const thrown = (() => {
      try {
        resolveLevel('verbose', {})
      } catch (error) {
        return error
      }
    })()
    expect(thrown).toBeInstanceOf(LoggerError)
    expect(thrown).toMatchObject({ code: 'INVALID_LOG_LEVEL', path: ['level'] })
  })
})
