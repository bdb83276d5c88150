import { admin } from '../../../shared/i18n/staff/ja/admin.js'
import type { StaffRole } from '../../../shared/protocol/index.js'
import { areaText } from '../lib/staffLanguage.js'

/** The admin page's words in the page's language. */
export const t = await areaText(admin, () => import('../../../shared/i18n/staff/en/admin.js').then((m) => m.admin))

/** STAFF_ROLE_LABEL stays Japanese for the server; the page names roles from its own catalogue. */
const ROLE_KEY = {
  admin: 'roleAdmin', principal: 'rolePrincipal', vice_principal: 'roleVicePrincipal', teacher: 'roleTeacher', support: 'roleSupport', nurse: 'roleNurse',
} as const satisfies Record<StaffRole, keyof typeof admin>

export const roleText = (role: StaffRole): string => t(ROLE_KEY[role])
