import { describe, expect, it } from 'vitest'
import type { DayEntry } from '../../../shared/protocol/index.js'
import { nowTime, rollCallPassed, tapToggles } from './roll-view.js'

const entry = (patch: Partial<DayEntry>): DayEntry => ({
  pupilId: 1, classId: 1, attendanceNumber: 1, name: '鈴木 太郎', kana: '', status: 'not_arrived', codeLabel: '未登校', source: 'teacher',
  time: null, reports: [], consecutiveAbsences: 0, cumulativeAbsences: 0, updatedAt: '2026-11-30T00:00:00Z', ...patch,
})

describe('roll call taps', () => {
  it('toggles plain present and 未登校 only', () => {
    expect(tapToggles(undefined)).toBe('not_arrived')
    expect(tapToggles(entry({}))).toBe('present')
    expect(tapToggles(entry({ status: 'late', time: '9:00' }))).toBeNull()
    const report = { id: 1, kind: 'absent' as const, time: null, replacedBy: null, reasonLabel: '発熱', reasonCategory: 'illness' as const, submittedAt: '', message: null, symptoms: null, temperature: null, acknowledgedAt: null, acknowledgedBy: null }
    expect(tapToggles(entry({ status: 'absent', reports: [report] }))).toBeNull()
    expect(tapToggles(entry({ status: 'present', reports: [report] }))).toBeNull()
  })

  it('tells the school-local time and whether roll-call time has passed, whatever the machine zone', () => {
    const at = Date.parse('2026-11-29T23:29:00Z') // 8:29 in Tokyo
    expect(nowTime('Asia/Tokyo', at)).toBe('8:29')
    expect(rollCallPassed('8:30', 'Asia/Tokyo', at)).toBe(false)
    expect(rollCallPassed('8:30', 'Asia/Tokyo', at + 60_000)).toBe(true)
  })
})
