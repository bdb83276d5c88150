import { describe, expect, it } from 'vitest'
import type { ClassInfo, DayEntry } from '../protocol/day.js'
import { officeLists } from './officeLists.js'

const cls = (id: number, rollTaken: ClassInfo['rollTaken'] = null, pupilCount = 30): ClassInfo => ({
  id, grade: 1, name: `${id}組`, label: `1年${id}組`, pupilCount, homeroomTeacher: null, rollTaken,
})
const entry = (pupilId: number, classId: number, patch: Partial<DayEntry> = {}): DayEntry => ({
  pupilId, classId, attendanceNumber: pupilId, name: `児童${pupilId}`, kana: '', status: 'not_arrived', codeLabel: '未登校', source: 'teacher',
  time: null, report: null, consecutiveAbsences: 0, cumulativeAbsences: 0, updatedAt: '2026-11-30T00:00:00Z', ...patch,
})
const report = (kind: 'absent' | 'late', acknowledgedAt: string | null = null): NonNullable<DayEntry['report']> => ({
  id: 1, kind, reasonLabel: '発熱', reasonCategory: 'illness', submittedAt: '2026-11-29T22:00:00Z', message: null, symptoms: null, temperature: null,
  acknowledgedAt, acknowledgedBy: acknowledgedAt ? '山本' : null,
})

describe('office lists', () => {
  const classes = [cls(2), cls(1, { at: '2026-11-29T23:30:00Z', by: '山本 先生' }), cls(3, null, 0)]
  const lists = officeLists(classes, [
    entry(5, 1),
    entry(3, 2),
    entry(4, 1, { status: 'late', report: report('late'), time: '9:30', source: 'guardian' }),
    entry(6, 1, { status: 'present', codeLabel: '出席', report: report('absent', '2026-11-29T23:00:00Z') }),
    entry(7, 1, { status: 'absent', report: report('absent', '2026-11-29T23:00:00Z'), source: 'guardian' }),
    entry(8, 2, { status: 'absent', report: null, source: 'phone' }),
  ])

  it('lists 未登校 without any explanation, in class order', () => {
    expect(lists.unexplained.map((e) => e.pupilId)).toEqual([3, 5])
  })
  it('lists reports not yet acknowledged', () => {
    expect(lists.unacknowledged.map((e) => e.pupilId)).toEqual([4])
  })
  it('shows a 欠席 report contradicted by the teacher as a discrepancy', () => {
    expect(lists.discrepancies).toEqual([{ entry: expect.objectContaining({ pupilId: 6 }), why: '欠席の連絡あり・学校は出席と記録' }])
  })
  it('lists the classes whose roll is not taken, ignoring empty classes', () => {
    expect(lists.classesWithoutRoll.map((c) => c.id)).toEqual([2])
  })
})
