import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBandwidthThrottle } from './bandwidth-throttle.ts'

const limits = { burstBytes: 6000, bytesPerSecond: 2000 }

describe('createBandwidthThrottle', () => {
  it('lets the burst through at once, then holds each byte back at the rate', () => {
    const throttle = createBandwidthThrottle(limits, 0)
    expect(throttle.take(6000, 0)).toBe(0)
    expect(throttle.take(1000, 0)).toBe(500)
    // Taken while the last wait is still running, the next bytes queue behind it.
    expect(throttle.take(1000, 100)).toBe(500)
    expect(throttle.throttledMs).toBe(1000)
  })

  it('refills while the stream is idle, up to the burst size', () => {
    const throttle = createBandwidthThrottle(limits, 0)
    throttle.take(6000, 0)
    expect(throttle.take(2000, 1000)).toBe(0)
    expect(throttle.take(6000, 60_000)).toBe(0)
    expect(throttle.take(1, 60_000)).toBe(0.5)
  })

  it('never lets more than burst + rate × elapsed bytes through (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.nat(3000)), { maxLength: 40 }),
        (steps) => {
          const throttle = createBandwidthThrottle(limits, 0)
          let now = 0
          let passed = 0
          for (const [bytes, idle] of steps) {
            now += idle
            now += throttle.take(bytes, now)
            passed += bytes
            expect(passed).toBeLessThanOrEqual(
              limits.burstBytes + (limits.bytesPerSecond * now) / 1000 + 1e-6,
            )
          }
        },
      ),
    )
  })
})
