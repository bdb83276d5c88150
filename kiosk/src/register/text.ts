import { register } from '../../../shared/i18n/staff/ja/register.js'
import { areaText } from '../lib/staffLanguage.js'

/** The attendance register's words in the page's language. */
export const t = await areaText(register, () => import('../../../shared/i18n/staff/en/register.js').then((m) => m.register))
