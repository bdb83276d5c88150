import { describe, expect, it } from 'vitest'
import { chooseEncoding, type Encoding } from './encoding.js'

const ALL: Encoding[] = ['br', 'gzip', 'identity']

describe('chooseEncoding', () => {
  it.each([
    // header, available, expected
    ['gzip, deflate, br, zstd', ALL, 'br'], // Chrome: equal weights, the smaller wins
    ['gzip, deflate, br', ALL, 'br'],
    ['gzip, deflate', ALL, 'gzip'], // no brotli (e.g. some proxies)
    ['br;q=0.5, gzip', ALL, 'gzip'], // the client's weights come first
    ['br;q=0, gzip;q=0', ALL, 'identity'],
    ['*', ALL, 'br'],
    ['*;q=0.1, gzip;q=0.5', ALL, 'gzip'],
    ['identity', ALL, 'identity'],
    ['', ALL, 'identity'],
    [undefined, ALL, 'identity'],
    ['BR', ALL, 'br'], // case does not matter
    ['gzip, br', ['identity'], 'identity'], // a file too small to compress
    ['br', ['gzip', 'identity'], 'identity'],
    ['identity;q=0', ALL, 'identity'], // refusing everything still gets the page
    ['gzip;q=nonsense, br;q=0.2', ALL, 'br'],
    ['br;q=0.5, identity', ALL, 'identity'], // identity named with a higher weight
    ['br;q=0.001', ALL, 'br'],
  ] as [string | undefined, Encoding[], Encoding][])('%j of %j → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected)
  })
})
