import { surveys } from '../../../shared/i18n/staff/ja/surveys.js'
import { areaText } from '../lib/staffLanguage.js'

/** The surveys page's words in the page's language. */
export const t = await areaText(surveys, () => import('../../../shared/i18n/staff/en/surveys.js').then((m) => m.surveys))
