/**
 * Columns and rows for `n` class tiles on a screen of this size, so that every class is on one
 * screen (no paging in an emergency) and the tiles stay nearly twice as wide as tall, the shape
 * their four counts need.
 */
export function safetyGrid(n: number, width: number, height: number): { columns: number; rows: number } {
  if (n <= 0) return { columns: 1, rows: 1 }
  const tileAspect = 1.8
  let best = { columns: 1, rows: n, score: -Infinity }
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns)
    // The tile's short side decides how large its numbers can be.
    const score = Math.min(width / columns / tileAspect, height / rows)
    if (score > best.score + 0.5) best = { columns, rows, score }
  }
  return { columns: best.columns, rows: best.rows }
}
