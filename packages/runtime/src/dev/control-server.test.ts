import { describe, expect, it } from 'vitest'
import { startControlServer } from './control-server.ts'

describe('startControlServer', () => {
  it('lists its sources, and refuses a taken port with PORT_IN_USE', async () => {
    const control = await startControlServer(new Map(), 0)
    try {
      const response = await fetch(`${control.url}/sources`)
      expect(await response.json()).toEqual({ sources: [] })
      const port = Number(new URL(control.url).port)
      await expect(startControlServer(new Map(), port)).rejects.toMatchObject({ code: 'PORT_IN_USE' })
    } finally {
      await control.stop()
    }
  })
})
