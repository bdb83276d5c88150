import { can, type Action } from '../../../shared/policy/policy.js'
import type { Me } from '../../../shared/protocol/index.js'
import type { common } from '../../../shared/i18n/staff/ja/common.js'

export type Staff = Extract<Me, { kind: 'staff' }>

/** A staff page in the header menu: where it is, its name's message, and the policy action that opens it. */
export interface StaffPage {
  href: string
  label: keyof typeof common
  action: Action
}

/** Every staff page, in the order of a school morning; who sees which is the policy's to say. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { href: '/teacher/', label: 'pageTeacher', action: 'day.read' },
  { href: '/teacher/#all', label: 'pageOffice', action: 'notices.read' },
  { href: '/safety/', label: 'pageSafety', action: 'safety.read' },
  { href: '/register/', label: 'pageRegister', action: 'register.read' },
  { href: '/guidance/', label: 'pageGuidance', action: 'guidance.read' },
  { href: '/calendar/', label: 'pageCalendar', action: 'calendar.read' },
  { href: '/surveys/', label: 'pageSurveys', action: 'survey.results' },
  { href: '/admin/', label: 'pageAdmin', action: 'school.admin' },
]

/** The pages this staff member may open. */
export function staffPagesFor(me: Staff): StaffPage[] {
  return STAFF_PAGES.filter((p) => can(me, p.action))
}

/** Whether `page` is the one at this address (the office view is the teacher page with #all). */
export function isCurrentPage(page: StaffPage, pathname: string, hash: string): boolean {
  const [path, pageHash] = page.href.split('#')
  if (path !== pathname) return false
  if (pageHash) return hash === `#${pageHash}`
  return !STAFF_PAGES.some((other) => other !== page && other.href.startsWith(`${path}#`) && hash === `#${other.href.split('#')[1]}`)
}
