import { common } from '../../../shared/i18n/staff/ja/common.js'
import { areaText } from '../lib/staffLanguage.js'

/** The shared staff components' words in the page's language (never imported by a guardian page). */
export const t = await areaText(common, () => import('../../../shared/i18n/staff/en/common.js').then((m) => m.common))
