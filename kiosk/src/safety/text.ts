import { safety } from '../../../shared/i18n/staff/ja/safety.js'
import { areaText } from '../lib/staffLanguage.js'

/** The safety check page's words in the page's language. */
export const t = await areaText(safety, () => import('../../../shared/i18n/staff/en/safety.js').then((m) => m.safety))
