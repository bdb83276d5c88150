import { COUNT_COLUMNS } from '../../shared/domain/register.js'
import type { RegisterMonth } from '../../shared/protocol/register.js'
import { toCsv } from './csv.js'

/** The monthly register as CSV: the grid of marks, then the month's and the year's counts. */
export function registerCsv(r: RegisterMonth): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`
  const header = ['出席番号', '氏名', ...r.days.map(md), ...COUNT_COLUMNS.map((c) => `${c.label}(月)`), ...COUNT_COLUMNS.map((c) => `${c.label}(年度累計)`)]
  const rows = r.pupils.map((p) => [
    p.attendanceNumber,
    p.name,
    ...r.days.map((d) => {
      const c = p.cells[d]
      if (d < p.enrolledOn || (p.leftOn !== null && d > p.leftOn)) return '―'
      if (c?.closed) return '閉'
      return c?.shortLabel ?? ''
    }),
    ...COUNT_COLUMNS.map((c) => p.month[c.key]),
    ...COUNT_COLUMNS.map((c) => p.year[c.key]),
  ])
  return toCsv([[`${r.schoolName} ${r.classLabel} 出席簿 ${r.month}`], header, ...rows])
}
