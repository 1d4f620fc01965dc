import type { Image } from './pnm.ts'

/**
 * Scales an image down to fit in `maxSide` × `maxSide`, keeping its aspect ratio, by averaging every source
 * pixel that falls in each target pixel (a box filter: no aliasing, no native code). Never scales up.
 *
 * @example
 * downscale(image, 128) // 640×480 → 128×96
 */
export function downscale(image: Image, maxSide: number): Image {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height))
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  const { channels } = image
  const pixels = new Uint8Array(width * height * channels)
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height)
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height))
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width)
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width))
      const count = (y1 - y0) * (x1 - x0)
      for (let c = 0; c < channels; c++) {
        let sum = 0
        for (let sy = y0; sy < y1; sy++) {
          const row = sy * image.width
          for (let sx = x0; sx < x1; sx++) sum += image.pixels[(row + sx) * channels + c]!
        }
        pixels[(y * width + x) * channels + c] = Math.round(sum / count)
      }
    }
  }
  return { width, height, channels, pixels }
}

/**
 * Lightens the bottom-right corner of `image` through a greyscale mask (white = full effect), at `opacity`:
 * the brand mark every thumbnail carries. A mask larger than the image is clipped.
 *
 * @example
 * const marked = watermark(downscale(image, 128), mask, 0.5)
 */
export function watermark(image: Image, mask: Image, opacity: number): Image {
  const pixels = image.pixels.slice()
  const left = image.width - mask.width
  const top = image.height - mask.height
  for (let my = Math.max(0, -top); my < mask.height; my++) {
    for (let mx = Math.max(0, -left); mx < mask.width; mx++) {
      const alpha = (mask.pixels[(my * mask.width + mx) * mask.channels]! / 255) * opacity
      const at = ((top + my) * image.width + left + mx) * image.channels
      for (let c = 0; c < image.channels; c++) {
        pixels[at + c] = Math.round(pixels[at + c]! * (1 - alpha) + 255 * alpha)
      }
    }
  }
  return { ...image, pixels }
}
