import holidayJp from '@holiday-jp/holiday_jp'

const table = holidayJp.holidays as Record<string, { name: string }>

/** Japanese national holidays (substitute holidays included) from the holiday_jp data set. */
export function nationalHolidaysBetween(from: string, to: string): Set<string> {
  const out = new Set<string>()
  for (const date of Object.keys(table)) if (date >= from && date <= to) out.add(date)
  return out
}

/** The holiday's name, e.g. 文化の日, or null. */
export function holidayName(date: string): string | null {
  return table[date]?.name ?? null
}
