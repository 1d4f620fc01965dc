import { SluiceError } from '@sluice/core'

/** A decoded 8-bit image: `channels` is 1 (grey, PGM) or 3 (RGB, PPM); `pixels` row by row. */
export interface Image {
  readonly width: number
  readonly height: number
  readonly channels: 1 | 3
  readonly pixels: Uint8Array
}

/** Largest side accepted: a 20 000 px image would need 1.2 GB of RGB pixels, more than the function has. */
const MAX_SIDE = 8192

const invalid = (reason: string) =>
  new SluiceError(`Not a binary PGM/PPM image (${reason}): upload P5 or P6 with maxval ≤ 255`, {
    code: 'IMAGE_INVALID',
  })

const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c

/**
 * Decodes a binary Netpbm image, P5 (greyscale) or P6 (RGB), 8 bits per sample — no native dependency.
 * Anything else throws `IMAGE_INVALID`.
 *
 * @example
 * const image = decodePnm(await readFile('photo.ppm')) // { width, height, channels: 3, pixels }
 */
export function decodePnm(data: Uint8Array): Image {
  const magic = String.fromCharCode(data[0] ?? 0, data[1] ?? 0)
  if (magic !== 'P5' && magic !== 'P6') throw invalid(`starts with ${JSON.stringify(magic)}`)
  let at = 2
  const header: number[] = []
  while (header.length < 3) {
    while (isSpace(data[at])) at++
    if (data[at] === 0x23) {
      // a comment runs to the end of the line
      while (at < data.length && data[at] !== 0x0a) at++
      continue
    }
    const start = at
    while (at < data.length && data[at]! >= 0x30 && data[at]! <= 0x39) at++
    if (at === start) throw invalid('header is cut short')
    header.push(Number(String.fromCharCode(...data.subarray(start, at))))
  }
  const [width = 0, height = 0, maxval = 0] = header
  if (!isSpace(data[at])) throw invalid('no whitespace after the header')
  at++
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
    throw invalid(`size ${width}×${height}`)
  if (maxval < 1 || maxval > 255) throw invalid(`maxval ${maxval}`)
  const channels = magic === 'P5' ? 1 : 3
  const length = width * height * channels
  if (data.length - at < length) throw invalid('pixel data is cut short')
  // a copy, as a plain Uint8Array: a Buffer input must not leak its pooled memory or its type
  return { width, height, channels, pixels: new Uint8Array(data.subarray(at, at + length)) }
}

/**
 * Encodes an image as binary PGM (1 channel) or PPM (3 channels).
 *
 * @example
 * await writeFile('thumb.ppm', encodePnm(thumbnail))
 */
export function encodePnm(image: Image): Uint8Array {
  const header = new TextEncoder().encode(
    `${image.channels === 1 ? 'P5' : 'P6'}\n${image.width} ${image.height}\n255\n`,
  )
  const out = new Uint8Array(header.length + image.pixels.length)
  out.set(header)
  out.set(image.pixels, header.length)
  return out
}
