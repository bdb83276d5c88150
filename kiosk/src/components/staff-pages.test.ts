import { describe, expect, it } from 'vitest'
import { isCurrentPage, STAFF_PAGES, staffPagesFor, type Staff } from './staff-pages.js'
import { common } from '../../../shared/i18n/staff/ja/common.js'

const staff = (roles: Staff['roles'], homeroomClassIds: number[] = []): Staff =>
  ({ kind: 'staff', id: 1, name: '山本 先生', schoolId: 1, schoolName: 'ひまわり小学校', roles, homeroomClassIds, language: null })
const labels = (me: Staff) => staffPagesFor(me).map((p) => common[p.label])

describe('the staff menu by role', () => {
  it('a homeroom teacher sees their pages, not the office or administration', () => {
    expect(labels(staff(['teacher'], [3]))).toEqual(['学級の出欠', '安否確認', '出席簿', '生徒指導', '行事・休業日', 'アンケート'])
  })
  it('a vice-principal sees every page', () => {
    expect(labels(staff(['vice_principal']))).toEqual(STAFF_PAGES.map((p) => common[p.label]))
  })
  it('support staff see the office view but not administration', () => {
    expect(labels(staff(['support']))).toEqual(['学級の出欠', '全クラス・未登校の連絡', '安否確認', '出席簿', '生徒指導', '行事・休業日', 'アンケート'])
  })
  it('marks the page at this address, the office view by its hash', () => {
    const [teacher, office, , register] = STAFF_PAGES
    expect(isCurrentPage(teacher!, '/teacher/', '')).toBe(true)
    expect(isCurrentPage(teacher!, '/teacher/', '#all')).toBe(false)
    expect(isCurrentPage(office!, '/teacher/', '#all')).toBe(true)
    expect(isCurrentPage(register!, '/teacher/', '')).toBe(false)
  })
})
