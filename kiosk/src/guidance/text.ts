import { guidance } from '../../../shared/i18n/staff/ja/guidance.js'
import { areaText } from '../lib/staffLanguage.js'

/** The guidance view's words in the page's language. */
export const t = await areaText(guidance, () => import('../../../shared/i18n/staff/en/guidance.js').then((m) => m.guidance))
