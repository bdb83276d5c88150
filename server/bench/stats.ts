/** Latency samples in milliseconds, summarised the way the bench prints them. */
export interface Summary {
  n: number
  p50: number
  p99: number
  mean: number
  max: number
}

/**
 * Nearest-rank percentile of an ascending array: always one of the measured values, so p99 of
 * 1,000 samples is the 990th, not an interpolation between two samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  }
}

/** The median of a few run-level figures (used to combine repeated runs). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Combines several runs' summaries figure by figure (median of p50s, median of p99s, …). */
export function medianSummary(runs: readonly Summary[]): Summary {
  return {
    n: runs.reduce((a, r) => a + r.n, 0),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    mean: median(runs.map((r) => r.mean)),
    max: median(runs.map((r) => r.max)),
  }
}
