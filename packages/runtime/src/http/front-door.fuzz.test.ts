import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawStatusLine, recordingTarget, sendHttp as send } from '../../test-support/http-client.ts'
import { type HttpFrontDoor, httpFrontDoor } from './front-door.ts'

// Whatever a client sends, the front door answers with a status and keeps serving; what it can hand on, it hands
// on unchanged.
describe('httpFrontDoor under arbitrary requests', () => {
  const echo = recordingTarget()
  let door: HttpFrontDoor
  beforeAll(async () => {
    door = await httpFrontDoor({
      routes: [{ type: 'http-api', method: 'POST', path: '/items/{id}', function: echo }],
    })
  })
  afterAll(() => door.stop())

  it('answers any path, query, headers, cookies and body, and hands them on unchanged', async () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
    const text = fc.string({ unit: 'grapheme', maxLength: 40 })
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            text.filter((part) => part !== ''),
            token,
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.tuple(token, text), { maxLength: 4 }),
        fc.array(fc.tuple(token, fc.stringMatching(/^[\x21-\x7e]{0,20}$/)), { maxLength: 4 }),
        fc.array(fc.tuple(token, token), { maxLength: 3 }),
        fc.oneof(
          text,
          fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        ),
        async (segments, query, headers, cookies, body) => {
          const id = segments.map(encodeURIComponent).join('%2F')
          const search = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
          const lines: [string, string][] = headers.map(([name, value]) => [`x-p-${name}`, value])
          if (cookies.length > 0) lines.push(['cookie', cookies.map(([k, v]) => `${k}=${v}`).join('; ')])
          lines.push(['content-type', 'text/plain'])
          const response = await send(
            door.url,
            'POST',
            `/items/${id}${search ? `?${search}` : ''}`,
            lines,
            body,
          )
          expect(response.status).toBe(200)
          const event = echo.events.at(-1) as {
            pathParameters: { id: string }
            rawQueryString: string
            cookies?: string[]
            body?: string
          }
          expect(event.pathParameters.id).toBe(segments.join('/'))
          expect(event.rawQueryString).toBe(search)
          expect(event.cookies ?? []).toEqual(cookies.map(([k, v]) => `${k}=${v}`))
          expect(event.body ?? '').toBe(
            Buffer.from(body, 'latin1').length === 0 ? '' : Buffer.from(body).toString(),
          )
        },
      ),
      { numRuns: 60 },
    )
  })

  it('answers malformed request lines, paths, queries and headers with a status, and keeps serving', async () => {
    const target = fc.stringMatching(/^\/[\x21-\x7e\x80-\xff]{0,40}$/)
    const header = fc.tuple(
      fc.stringMatching(/^[\x21-\x7e]{0,10}$/),
      fc.stringMatching(/^[\x20-\x7e\x80-\xff]{0,20}$/),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'BREW', 'get'),
        target,
        fc.array(header, { maxLength: 3 }),
        async (method, path, headers) => {
          const lines = [
            `${method} ${path} HTTP/1.1`,
            'Host: x',
            'Connection: close',
            ...headers.map(([n, v]) => `${n}: ${v}`),
          ]
          const status = await rawStatusLine(
            door.port,
            Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
          )
          expect(status).toMatch(/^HTTP\/1\.1 \d{3}/)
        },
      ),
      { numRuns: 80 },
    )
    expect((await send(door.url, 'POST', '/items/still-up', [])).status).toBe(200)
  })
})
