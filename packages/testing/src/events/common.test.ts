import { afterEach, describe, expect, test, vi } from 'vitest'
import { createClock } from '../clock.ts'
import { eventSource, isoSeconds, payloadText, recordCount, times } from './common.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('event helpers', () => {
  test('payloadText keeps strings, encodes the rest, calls functions with the index', () => {
    expect(payloadText('raw', 0, () => 'unused')).toBe('raw')
    expect(payloadText({ a: 1 }, 0, () => 'unused')).toBe('{"a":1}')
    expect(
      payloadText(
        (i) => [i],
        4,
        () => 'unused',
      ),
    ).toBe('[4]')
    expect(payloadText(undefined, 2, (i) => ({ i }))).toBe('{"i":2}')
    expect(
      payloadText(
        () => undefined,
        0,
        () => null,
      ),
    ).toBe('')
  })

  test('eventSource applies region, account and clock defaults', () => {
    vi.stubEnv('AWS_REGION', 'sa-east-1')
    expect(eventSource({ clock: createClock(5) })).toEqual({
      region: 'sa-east-1',
      accountId: '123456789012',
      now: 5,
    })
  })

  test('recordCount, times and isoSeconds', () => {
    expect(recordCount(undefined)).toBe(1)
    expect(recordCount(0)).toBe(0)
    expect(times(3, (i) => i * 2)).toEqual([0, 2, 4])
    expect(isoSeconds(1_500)).toBe('1970-01-01T00:00:01Z')
  })
})
