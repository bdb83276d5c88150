import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { COMPRESSED } from './encoding.js'

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest'])

/**
 * Writes a brotli and a gzip copy next to every text file of a build, at the strongest
 * settings: this runs once per build, and the server then never compresses per request.
 * A copy that would not be smaller is not written.
 */
export function precompressDir(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) precompressDir(path)
    else if (COMPRESSIBLE.has(extname(name))) precompressFile(path)
  }
}

function precompressFile(path: string): void {
  const raw = readFileSync(path)
  const variants = {
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }),
  }
  for (const [encoding, body] of Object.entries(variants) as [keyof typeof COMPRESSED, Buffer][]) {
    if (body.length < raw.length) writeFileSync(path + COMPRESSED[encoding], body)
  }
}
