export function percentText(n: number, enrolled: number): string {
  return enrolled === 0 ? '—' : `${((n * 100) / enrolled).toFixed(1)}%`
}

/** How alarming a share is next to the city's threshold: at it, or past half of it. */
export function level(percent: number, threshold: number): 'alert' | 'watch' | '' {
  return percent >= threshold ? 'alert' : percent >= threshold / 2 ? 'watch' : ''
}
