import iconv from 'iconv-lite'

export interface Decoded {
  encoding: 'utf-8' | 'shift_jis'
  text: string
  /** 1-based lines holding bytes that could not be read in the detected encoding. */
  badLines: number[]
}

/**
 * Reads a roster file's bytes. School administration systems export UTF-8 (often with a BOM)
 * or Shift_JIS; we read Shift_JIS as CP932, Windows' variant, because exports contain its
 * extra characters (髙, 﨑). A file that is valid UTF-8 is UTF-8; anything else is CP932.
 */
export function decodeRoster(bytes: Uint8Array): Decoded {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    return { encoding: 'utf-8', text, badLines: [] }
  } catch {
    if (hasBom) {
      // A BOM promises UTF-8: read it leniently and report the broken lines.
      const text = new TextDecoder('utf-8').decode(body)
      return { encoding: 'utf-8', text, badLines: linesWith(text, '\uFFFD') }
    }
  }
  const text = iconv.decode(Buffer.from(body), 'cp932')
  return { encoding: 'shift_jis', text, badLines: linesWith(text, '\uFFFD') }
}

function linesWith(text: string, ch: string): number[] {
  const out: number[] = []
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.includes(ch)) out.push(i + 1)
  })
  return out
}
