import { teacher } from '../../../shared/i18n/staff/ja/teacher.js'
import { areaText } from '../lib/staffLanguage.js'

/** The teacher page's words in the page's language. */
export const t = await areaText(teacher, () => import('../../../shared/i18n/staff/en/teacher.js').then((m) => m.teacher))
