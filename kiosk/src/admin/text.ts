import { admin } from '../../../shared/i18n/staff/ja/admin.js'
import { areaText } from '../lib/staffLanguage.js'

/** The admin page's words in the page's language. */
export const t = await areaText(admin, () => import('../../../shared/i18n/staff/en/admin.js').then((m) => m.admin))
