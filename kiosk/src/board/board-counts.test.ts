import { describe, expect, it } from 'vitest'
import type { DayEntry, DayStatus } from '../../../shared/protocol/index.js'
import { countByStatus, entriesByClass } from './board-counts.js'

const entry = (pupilId: number, classId: number, attendanceNumber: number, status: DayStatus): DayEntry => ({
  pupilId, classId, attendanceNumber, status, name: `児童${pupilId}`, kana: '', codeLabel: null, source: null, time: null,
  reports: [], consecutiveAbsences: null, cumulativeAbsences: null, updatedAt: '2026-11-30T08:00:00+09:00',
})

describe('board counts and classes', () => {
  const entries = [entry(1, 10, 5, 'absent'), entry(2, 10, 2, 'late'), entry(3, 20, 1, 'present'), entry(4, 20, 3, 'not_arrived'), entry(5, 10, 9, 'present')]

  it('groups by class in attendance-number order and leaves out pupils marked 出席', () => {
    const byClass = entriesByClass(entries)
    expect(byClass.get(10)!.map((e) => e.pupilId)).toEqual([2, 1])
    expect(byClass.get(20)!.map((e) => e.pupilId)).toEqual([4])
  })

  it('counts each board status; 出席 is not a board count', () => {
    const counts = countByStatus(entries)
    expect([counts.absent, counts.late, counts.not_arrived, counts.early_leave, counts.excused]).toEqual([1, 1, 1, 0, 0])
  })
})
