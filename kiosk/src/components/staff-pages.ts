import { can, type Action } from '../../../shared/policy/policy.js'
import type { Me } from '../../../shared/protocol/index.js'

export type Staff = Extract<Me, { kind: 'staff' }>

/** A staff page in the header menu: where it is, what it is called, and the policy action that opens it. */
export interface StaffPage {
  href: string
  label: string
  action: Action
}

/** Every staff page, in the order of a school morning; who sees which is the policy's to say. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { href: '/teacher/', label: '学級の出欠', action: 'day.read' },
  { href: '/teacher/#all', label: '全クラス・未登校の連絡', action: 'notices.read' },
  { href: '/safety/', label: '安否確認', action: 'safety.read' },
  { href: '/register/', label: '出席簿', action: 'register.read' },
  { href: '/guidance/', label: '生徒指導', action: 'guidance.read' },
  { href: '/calendar/', label: '行事・休業日', action: 'calendar.read' },
  { href: '/surveys/', label: 'アンケート', action: 'survey.results' },
  { href: '/admin/', label: '学校の管理', action: 'school.admin' },
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
