import { describe, expect, it } from 'vitest'
import { clampPage, pageCount, pageOf } from './paging.js'

const families = Array.from({ length: 700 }, (_, i) => i + 1)

describe('paging', () => {
  it('700 non-responders at 20 a page are 35 pages, each of 20', () => {
    expect(pageCount(700, 20)).toBe(35)
    expect(pageOf(families, 1, 20)).toEqual(families.slice(0, 20))
    expect(pageOf(families, 35, 20)).toEqual(families.slice(680, 700))
  })

  it('a last page holds the rest', () => {
    expect(pageCount(41, 20)).toBe(3)
    expect(pageOf(families.slice(0, 41), 3, 20)).toEqual([41])
  })

  it('an empty list has one empty page', () => {
    expect(pageCount(0, 20)).toBe(1)
    expect(pageOf([], 1, 20)).toEqual([])
  })

  it('a page past the end of a list that shrank shows the last page', () => {
    expect(clampPage(35, 30, 20)).toBe(2)
    expect(pageOf(families.slice(0, 30), 35, 20)).toEqual(families.slice(20, 30))
    expect(clampPage(0, 30, 20)).toBe(1)
  })
})
