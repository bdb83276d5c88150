import { admin } from '../../../shared/i18n/staff/ja/admin.js'
import type { AuditAction, StaffRole } from '../../../shared/protocol/index.js'
import { areaText } from '../lib/staffLanguage.js'

/** The admin page's words in the page's language. */
export const t = await areaText(admin, () => import('../../../shared/i18n/staff/en/admin.js').then((m) => m.admin))

/** STAFF_ROLE_LABEL stays Japanese for the server; the page names roles from its own catalogue. */
const ROLE_KEY = {
  admin: 'roleAdmin', principal: 'rolePrincipal', vice_principal: 'roleVicePrincipal', teacher: 'roleTeacher', support: 'roleSupport', nurse: 'roleNurse',
} as const satisfies Record<StaffRole, keyof typeof admin>

export const roleText = (role: StaffRole): string => t(ROLE_KEY[role])

/** AUDIT_ACTION_LABEL stays Japanese for the server's CSV; the page names the acts from its catalogue. */
const ACTION_KEY = {
  'pupil.history': 'actionPupilHistory', 'register.history': 'actionRegisterHistory', 'health.export': 'actionHealthExport', 'health.live': 'actionHealthLive',
  'register.correct': 'actionRegisterCorrect', 'register.resolve': 'actionRegisterResolve', 'suspension.apply': 'actionSuspensionApply',
} as const satisfies Record<AuditAction, string>

export const actionText = (action: AuditAction): string => t(ACTION_KEY[action])
