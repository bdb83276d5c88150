import { describe, expect, it } from 'vitest'
import { DAY_STATUS_LABEL } from '../../../shared/domain/attendance.js'
import { badgeText, dayStatusText, statusText } from './day-words.js'

// The catalogue repeats the shared statuses' words so that they can be translated: in Japanese
// the pages must still say exactly them.
describe("a day's words in Japanese", () => {
  it('name every status as the shared label does', () => {
    for (const [status, label] of Object.entries(DAY_STATUS_LABEL)) expect(dayStatusText(status as keyof typeof DAY_STATUS_LABEL)).toBe(label)
  })

  it("show the school's own label on a 遅刻 or 早退 mark, and which of 出席停止 and 忌引 an excused day is", () => {
    expect(statusText({ status: 'late', codeLabel: '遅刻・早退' })).toBe('遅刻・早退')
    expect(statusText({ status: 'late', codeLabel: null })).toBe('遅刻')
    expect(statusText({ status: 'excused', codeLabel: '忌引' })).toBe('忌引')
    expect(statusText({ status: 'excused', codeLabel: '出席停止(感染症)' })).toBe('出席停止')
    expect(statusText({ status: 'absent', codeLabel: '欠席(病気)' })).toBe('欠席')
  })

  it('write the badges as 連続3日 and 累計10日', () => {
    expect(badgeText({ kind: 'streak', days: 3, level: 1 })).toBe('連続3日')
    expect(badgeText({ kind: 'cumulative', days: 10, level: 2 })).toBe('累計10日')
  })
})
