import { describe, expect, it } from 'vitest'
import { createLineSplitter } from './line-splitter.ts'

describe('createLineSplitter', () => {
  it('joins lines cut across chunks, multi-byte characters included', () => {
    const splitter = createLineSplitter()
    const euro = Buffer.from('€')
    expect(splitter.push(Buffer.concat([Buffer.from('a\r\nb'), euro.subarray(0, 1)]))).toEqual(['a'])
    expect(splitter.push(Buffer.concat([euro.subarray(1), Buffer.from('\nc')]))).toEqual(['b€'])
    expect(splitter.flush()).toEqual(['c'])
    expect(splitter.flush()).toEqual([])
  })
})
