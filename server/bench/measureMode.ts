import type { BenchOptions } from './args.js'
import { startBaseline } from './baseline.js'
import { openEmbedded, openPostgres, type BenchDatabase } from './databases.js'
import { startReportBench } from './latency.js'
import { median, medianSummary, summarize, type Summary } from './stats.js'

export const FIGURES = {
  reportFirstBoard: 'report → first board',
  reportLastBoard: 'report → last board',
  reportReceipt: 'report → HTTP 201 receipt',
  baselineInsert: 'baseline INSERT',
  baselineBroadcastFirst: 'baseline broadcast → first client',
  baselineBroadcastLast: 'baseline broadcast → last client',
  baselineSum: 'baseline INSERT + broadcast',
} as const
export type Figure = keyof typeof FIGURES

/** report → last board divided by baseline INSERT + broadcast: the app's cost over the floor. */
export interface Ratio {
  p50: number
  p99: number
  mean: number
}

export interface ModeResult {
  mode: 'embedded' | 'postgres'
  serverVersion: string
  runs: number
  pupils: number
  days: number
  figures: Record<Figure, Summary>
  ratio: Ratio
}

function ratioOf(figures: Record<Figure, Summary>): Ratio {
  const app = figures.reportLastBoard
  const floor = figures.baselineSum
  return { p50: app.p50 / floor.p50, p99: app.p99 / floor.p99, mean: app.mean / floor.mean }
}

/** Databases open right now, so an interrupted run can still drop its PostgreSQL database. */
export const openDatabases = new Set<BenchDatabase>()

/**
 * Reports and baseline operations alternate in blocks of this many, so a noisy neighbour or a
 * checkpoint slows both sides alike and the ratio stays meaningful on a shared machine.
 */
const BLOCK = 50

/**
 * One run on a fresh database: warm the app up, then the baseline (its payload is a real
 * board event), then measure both, interleaved block by block.
 */
async function runOnce(mode: 'embedded' | 'postgres', opts: BenchOptions, databaseUrl: string): Promise<ModeResult> {
  const db = mode === 'embedded' ? await openEmbedded() : await openPostgres(databaseUrl)
  openDatabases.add(db)
  const samples = Object.fromEntries((Object.keys(FIGURES) as Figure[]).map((f) => [f, [] as number[]])) as Record<Figure, number[]>
  try {
    const app = await startReportBench(db, { boards: opts.boards, reports: opts.warmupReports + opts.reports })
    try {
      let report = 0
      for (; report < opts.warmupReports; report++) await app.submit(report)
      const baseline = await startBaseline(db.sql, { clients: opts.boards, payload: app.lastBoardEvent() })
      try {
        let op = 0
        for (; op < opts.warmupBaseline; op++) await baseline.op(op)
        const reportsEnd = opts.warmupReports + opts.reports
        const opsEnd = opts.warmupBaseline + opts.baselineOps
        while (report < reportsEnd || op < opsEnd) {
          for (const stop = Math.min(reportsEnd, report + BLOCK); report < stop; report++) {
            const t = await app.submit(report)
            samples.reportFirstBoard.push(t.firstBoard)
            samples.reportLastBoard.push(t.lastBoard)
            samples.reportReceipt.push(t.receipt)
          }
          for (const stop = Math.min(opsEnd, op + BLOCK); op < stop; op++) {
            const t = await baseline.op(op)
            samples.baselineInsert.push(t.insert)
            samples.baselineBroadcastFirst.push(t.broadcastFirst)
            samples.baselineBroadcastLast.push(t.broadcastLast)
            samples.baselineSum.push(t.sum)
          }
        }
      } finally {
        await baseline.close()
      }
      const figures = Object.fromEntries((Object.keys(FIGURES) as Figure[]).map((f) => [f, summarize(samples[f])])) as Record<Figure, Summary>
      return { mode, serverVersion: db.serverVersion, runs: 1, pupils: app.pupils, days: app.days, figures, ratio: ratioOf(figures) }
    } finally {
      await app.close()
    }
  } finally {
    openDatabases.delete(db)
    await db.close()
  }
}

/**
 * `opts.runs` independent runs of one mode, each figure combined by its median over the runs.
 * The ratio is the median of the runs' own ratios, not a ratio of medians: each run's ratio
 * compares interleaved samples taken under the same machine load.
 */
export async function measureMode(mode: 'embedded' | 'postgres', opts: BenchOptions, databaseUrl: string, onRun: (r: ModeResult, i: number) => void): Promise<ModeResult> {
  const results: ModeResult[] = []
  for (let i = 0; i < opts.runs; i++) {
    const r = await runOnce(mode, opts, databaseUrl)
    onRun(r, i)
    results.push(r)
  }
  const figures = Object.fromEntries(
    (Object.keys(FIGURES) as Figure[]).map((f) => [f, medianSummary(results.map((r) => r.figures[f]))]),
  ) as Record<Figure, Summary>
  const ratio: Ratio = {
    p50: median(results.map((r) => r.ratio.p50)),
    p99: median(results.map((r) => r.ratio.p99)),
    mean: median(results.map((r) => r.ratio.mean)),
  }
  return { ...results[0]!, runs: results.length, figures, ratio }
}
