/** The encodings pages are stored in: each compressed variant sits next to its file with a suffix. */
export const COMPRESSED = { br: '.br', gzip: '.gz' } as const
export type Encoding = keyof typeof COMPRESSED | 'identity'

// When the client likes several equally, the smaller wins.
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity']
// Below any weight a client can write (q has at most three decimals, ties go to compression).
const UNLISTED_IDENTITY = 0.001

/**
 * Picks the encoding to send from an `Accept-Encoding` header (q-values honoured). Browsers
 * list `gzip, deflate, br` with equal weight; then brotli is chosen, being smaller. Identity is
 * the answer when nothing else is acceptable: a page is better sent large than refused.
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding {
  const weights = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    if (!name) continue
    const q = params.find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  // Unlisted, identity is acceptable but the last choice; a compressed encoding needs a weight.
  const weightOf = (e: Encoding) => weights.get(e) ?? (e === 'identity' ? UNLISTED_IDENTITY : (weights.get('*') ?? 0))
  let best: Encoding = 'identity'
  let bestWeight = 0
  for (const e of PREFERENCE) {
    if (!available.includes(e)) continue
    const w = weightOf(e)
    if (w > bestWeight) [best, bestWeight] = [e, w]
  }
  return best
}
