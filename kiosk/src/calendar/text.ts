import { calendar } from '../../../shared/i18n/staff/ja/calendar.js'
import { areaText } from '../lib/staffLanguage.js'

/** The school calendar's words in the page's language. */
export const t = await areaText(calendar, () => import('../../../shared/i18n/staff/en/calendar.js').then((m) => m.calendar))
