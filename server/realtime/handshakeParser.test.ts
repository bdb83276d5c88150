import { describe, expect, it } from 'vitest'
import { objectHandshake } from './handshakeParser.js'

describe('objectHandshake', () => {
  it('leaves an object handshake, an empty one and every other packet as they are', () => {
    expect(objectHandshake('0{"protocol":2}')).toBe('0{"protocol":2}')
    expect(objectHandshake('0/admin,{"a":1}')).toBe('0/admin,{"a":1}')
    expect(objectHandshake('0')).toBe('0')
    expect(objectHandshake('0/admin,')).toBe('0/admin,')
  })

  it('turns a string, a number, an array, null or broken JSON into an object the handshake check refuses', () => {
    expect(objectHandshake('0"abc"')).toBe('0{"malformed":true}')
    expect(objectHandshake('042')).toBe('0{"malformed":true}')
    expect(objectHandshake('0[1,2]')).toBe('0{"malformed":true}')
    expect(objectHandshake('0null')).toBe('0{"malformed":true}')
    expect(objectHandshake('0/admin,{"a":')).toBe('0/admin,{"malformed":true}')
  })
})
