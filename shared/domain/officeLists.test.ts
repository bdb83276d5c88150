import { describe, expect, it } from 'vitest'
import type { ClassInfo, DayEntry, DayReport } from '../protocol/day.js'
import { officeLists } from './officeLists.js'

const cls = (id: number, rollTaken: ClassInfo['rollTaken'] = null, pupilCount = 30): ClassInfo => ({
  id, grade: 1, name: `${id}組`, label: `1年${id}組`, pupilCount, homeroomTeacher: null, rollTaken,
})
const entry = (pupilId: number, classId: number, patch: Partial<DayEntry> = {}): DayEntry => ({
  pupilId, classId, attendanceNumber: pupilId, name: `児童${pupilId}`, kana: '', status: 'not_arrived', codeLabel: '未登校', source: 'teacher',
  time: null, reports: [], consecutiveAbsences: 0, cumulativeAbsences: 0, updatedAt: '2026-11-30T00:00:00Z', ...patch,
})
let reportId = 0
const report = (kind: 'absent' | 'late' | 'early_leave', acknowledgedAt: string | null = null, replacedBy: number | null = null): DayReport => ({
  id: ++reportId, kind, time: null, replacedBy, reasonLabel: '発熱', reasonCategory: 'illness', submittedAt: '2026-11-29T22:00:00Z', message: null, symptoms: null, temperature: null,
  acknowledgedAt, acknowledgedBy: acknowledgedAt ? '山本' : null,
})

describe('office lists', () => {
  const classes = [cls(2), cls(1, { at: '2026-11-29T23:30:00Z', by: '山本 先生' }), cls(3, null, 0)]
  const lists = officeLists(classes, [
    entry(5, 1),
    entry(3, 2),
    entry(4, 1, { status: 'late', reports: [report('late')], time: '9:30', source: 'guardian' }),
    entry(6, 1, { status: 'present', codeLabel: '出席', reports: [report('absent', '2026-11-29T23:00:00Z')] }),
    entry(7, 1, { status: 'absent', reports: [report('absent', '2026-11-29T23:00:00Z')], source: 'guardian' }),
    entry(8, 2, { status: 'absent', reports: [], source: 'phone' }),
    // A morning 遅刻 and an afternoon 早退, neither acknowledged: two reports to acknowledge.
    entry(9, 2, { status: 'late', codeLabel: '遅刻・早退', reports: [report('early_leave'), report('late')], source: 'guardian' }),
    // An acknowledged 欠席 changed into an 早退: the replaced one is history, the new one waits.
    entry(10, 2, { status: 'early_leave', reports: [report('early_leave'), report('absent', '2026-11-29T23:00:00Z', 99)], source: 'guardian' }),
  ])

  it('lists 未登校 without any explanation, in class order', () => {
    expect(lists.unexplained.map((e) => e.pupilId)).toEqual([3, 5])
  })
  it('lists reports not yet acknowledged', () => {
    expect(lists.unacknowledged.map((u) => [u.entry.pupilId, u.report.kind])).toEqual([
      [9, 'early_leave'], [9, 'late'], [10, 'early_leave'], [4, 'late'],
    ])
  })
  it('shows a 欠席 report contradicted by the teacher as a discrepancy', () => {
    expect(lists.discrepancies).toEqual([{ entry: expect.objectContaining({ pupilId: 6 }), why: '欠席の連絡あり・学校は出席と記録' }])
  })
  it('lists the classes whose roll is not taken, ignoring empty classes', () => {
    expect(lists.classesWithoutRoll.map((c) => c.id)).toEqual([2])
  })
})
