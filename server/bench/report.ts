import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import type { BenchOptions } from './args.js'
import { FIGURES, type Figure, type ModeResult } from './measureMode.js'

export function machineLine(): string {
  const cores = cpus()
  const model = cores[0]?.model.trim() ?? 'unknown CPU'
  return `${cores.length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node ${process.version}`
}

export function header(opts: BenchOptions): string {
  return [
    'Asagao report → board latency',
    `  machine   ${machineLine()}`,
    `  workload  ${opts.reports} reports one at a time (after ${opts.warmupReports} warm-up), ${opts.boards} boards; ` +
      `baseline ${opts.baselineOps} ops (after ${opts.warmupBaseline}), interleaved in blocks; ${opts.runs} run(s) per mode`,
    // Shared machines are noisy: the load says how much to trust absolute figures (the ratio is sturdier).
    `  started   ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  ].join('\n')
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-').padStart(9)
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '-').padStart(9)

/** The figures of one mode as an aligned table; the ratio rows compare the app with its floor. */
export function table(r: ModeResult, title: string = r.mode): string {
  const label = (s: string) => `  ${s.padEnd(36)}`
  const lines = [
    '',
    `${title} — ${r.serverVersion}; ${r.pupils} pupils, reports over ${r.days} school day(s)${r.runs > 1 ? `; median of ${r.runs} runs` : ''}`,
    `${label('')}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'mean ms'.padStart(9)}${'max ms'.padStart(9)}`,
  ]
  for (const f of Object.keys(FIGURES) as Figure[]) {
    const s = r.figures[f]
    lines.push(`${label(FIGURES[f])}${ms(s.p50)}${ms(s.p99)}${ms(s.mean)}${ms(s.max)}`)
  }
  const ratioLabel = r.runs > 1 ? 'ratio (median of the runs’ ratios)' : 'ratio: report → last board ÷ baseline'
  lines.push(`${label(ratioLabel)}${times(r.ratio.p50)}${times(r.ratio.p99)}${times(r.ratio.mean)}`)
  return lines.join('\n')
}
