import { board } from '../../../shared/i18n/staff/ja/board.js'
import { staffLanguage, areaText } from '../lib/staffLanguage.js'

/** The board's words in the page's language (`?lang=en` on its address, or this display's remembered choice). */
export const t = await areaText(board, () => import('../../../shared/i18n/staff/en/board.js').then((m) => m.board))

/** The locale of the board's clock and times: `8:05` in Japanese, `8:05 AM` in English. */
export const clockLocale = staffLanguage() === 'en' ? 'en' : 'ja-JP'
