import { city } from '../../../shared/i18n/staff/ja/city.js'
import { areaText } from '../lib/staffLanguage.js'

/** The city page's words in the page's language. */
export const t = await areaText(city, () => import('../../../shared/i18n/staff/en/city.js').then((m) => m.city))
