import { speaksEnglish, timeText } from '../lib/staffLanguage.js'

/** A school's roll-call time: as the school set it on a Japanese page, in English conventions on an English one. */
export const clockText = (time: string): string => (speaksEnglish() ? timeText(time) : time)

export function percentText(n: number, enrolled: number): string {
  return enrolled === 0 ? '—' : `${((n * 100) / enrolled).toFixed(1)}%`
}

/** How alarming a share is next to the city's threshold: at it, or past half of it. */
export function level(percent: number, threshold: number): 'alert' | 'watch' | '' {
  return percent >= threshold ? 'alert' : percent >= threshold / 2 ? 'watch' : ''
}
