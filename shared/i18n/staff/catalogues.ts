import type { StaffLanguage } from '../languages.js'
import { admin as enAdmin } from './en/admin.js'
import { board as enBoard } from './en/board.js'
import { calendar as enCalendar } from './en/calendar.js'
import { city as enCity } from './en/city.js'
import { common as enCommon } from './en/common.js'
import { guidance as enGuidance } from './en/guidance.js'
import { register as enRegister } from './en/register.js'
import { safety as enSafety } from './en/safety.js'
import { setup as enSetup } from './en/setup.js'
import { surveys as enSurveys } from './en/surveys.js'
import { teacher as enTeacher } from './en/teacher.js'
import { admin } from './ja/admin.js'
import { board } from './ja/board.js'
import { calendar } from './ja/calendar.js'
import { city } from './ja/city.js'
import { common } from './ja/common.js'
import { guidance } from './ja/guidance.js'
import { register } from './ja/register.js'
import { safety } from './ja/safety.js'
import { setup } from './ja/setup.js'
import { surveys } from './ja/surveys.js'
import { teacher } from './ja/teacher.js'

/**
 * Every area's catalogue in both languages, by the file name (which is also the export's name).
 * The pages import one area at a time; the build reads them all here to ship them pre-parsed.
 */
export const STAFF_CATALOGUES: Record<StaffLanguage, Record<string, Record<string, string>>> = {
  ja: { admin, board, calendar, city, common, guidance, register, safety, setup, surveys, teacher },
  en: {
    admin: enAdmin, board: enBoard, calendar: enCalendar, city: enCity, common: enCommon, guidance: enGuidance,
    register: enRegister, safety: enSafety, setup: enSetup, surveys: enSurveys, teacher: enTeacher,
  },
}
