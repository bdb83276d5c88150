import { createHash, randomBytes, randomInt } from 'node:crypto'

/** A long random bearer token for cookies (session, board device). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as hashes, so a leaked table cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

// No 0/O, 1/I/L: a code is read off a screen or paper and typed by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A human-typeable one-time code, e.g. for pairing a board: `K7QP-4XMZ-9TDA`. */
export function newHumanCode(groups = 3, size = 4): string {
  const parts: string[] = []
  for (let g = 0; g < groups; g++) {
    let s = ''
    for (let i = 0; i < size; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    parts.push(s)
  }
  return parts.join('-')
}

/** Normalises a typed code: case, spaces, full-width characters and dashes do not matter. */
export function normaliseHumanCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '')
}
