import { setup } from '../../../shared/i18n/staff/ja/setup.js'
import { areaText } from '../lib/staffLanguage.js'

/** The setup page's words in the page's language. */
export const t = await areaText(setup, () => import('../../../shared/i18n/staff/en/setup.js').then((m) => m.setup))
