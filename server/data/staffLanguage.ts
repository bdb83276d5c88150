import { StaffLanguage } from '../../shared/i18n/languages.js'
import type { Q } from '../db/types.js'

/** The language of a staff member's pages, or null when they never chose one. */
export async function staffLanguage(q: Q, staffId: number): Promise<StaffLanguage | null> {
  const [row] = await q<{ language: string | null }[]>`select language from staff where id = ${staffId}`
  const parsed = StaffLanguage.safeParse(row?.language)
  return parsed.success ? parsed.data : null
}

export async function setStaffLanguage(q: Q, staffId: number, language: StaffLanguage): Promise<void> {
  await q`update staff set language = ${language} where id = ${staffId}`
}
