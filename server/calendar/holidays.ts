import holidayJp from '@holiday-jp/holiday_jp'

const table = holidayJp.holidays as Record<string, { name: string }>

/** Japanese national holidays (substitute holidays included) from the holiday_jp data set. */
export function nationalHolidaysBetween(from: string, to: string): Set<string> {
  const out = new Set<string>()
  for (let i = firstOnOrAfter(from); i < dates.length && dates[i]! <= to; i++) out.add(dates[i]!)
  return out
}

/** The data set's dates in order, searched rather than scanned: every report asks for its year's holidays. */
const dates = Object.keys(table).sort()

function firstOnOrAfter(date: string): number {
  let lo = 0
  let hi = dates.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (dates[mid]! < date) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The holiday's name, e.g. 文化の日, or null. */
export function holidayName(date: string): string | null {
  return table[date]?.name ?? null
}
