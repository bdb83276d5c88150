import { describe, expect, it } from 'vitest'
import type { ReportKind } from './attendance.js'
import { changedAfterAcknowledgement, currentReport, suggestedDayMark, unacknowledgedReports } from './dayReports.js'

// Codes named after what they are, so the expected marks read as the rule says.
const claim = (kind: ReportKind, codeId = kind as string) => ({ kind, codeId })
const BOTH = 'late+early'

describe('the mark a day\u2019s reports suggest (newest first)', () => {
  const table: [string, ReturnType<typeof claim>[], string | null][] = [
    ['no report', [], null],
    ['one 欠席', [claim('absent', 'absent_sick')], 'absent_sick'],
    ['遅刻 then 早退', [claim('early_leave'), claim('late')], BOTH],
    ['早退 then 遅刻', [claim('late'), claim('early_leave')], BOTH],
    ['two 遅刻', [claim('late', 'late-10:00'), claim('late', 'late-9:30')], 'late-10:00'],
    ['欠席 then 早退', [claim('early_leave'), claim('absent', 'absent_sick')], 'early_leave'],
    ['遅刻, 早退, then 欠席', [claim('absent', 'absent_sick'), claim('early_leave'), claim('late')], 'absent_sick'],
    ['遅刻, 欠席, then 早退', [claim('early_leave'), claim('absent', 'absent_sick'), claim('late')], 'early_leave'],
  ]
  it.each(table)('%s', (_name, claims, expected) => {
    expect(suggestedDayMark(claims, BOTH)).toBe(expected)
  })
})

describe('a day\u2019s thread', () => {
  const r = (id: number, acknowledgedAt: string | null, replacedBy: number | null = null) => ({ id, acknowledgedAt, replacedBy })
  it('is current from its newest live report', () => {
    expect(currentReport([r(3, null, 4), r(2, null)])?.id).toBe(2)
    expect(currentReport([])).toBeNull()
  })
  it('waits for 確認 on each live report, not on replaced ones', () => {
    expect(unacknowledgedReports([r(3, null), r(2, null, 3), r(1, null)]).map((x) => x.id)).toEqual([3, 1])
  })
  it('changed after 確認 when a newer report waits behind an acknowledged one', () => {
    expect(changedAfterAcknowledgement([r(2, null), r(1, 'x')])).toBe(true)
    expect(changedAfterAcknowledgement([r(2, 'y'), r(1, 'x')])).toBe(false)
    expect(changedAfterAcknowledgement([r(2, null), r(1, null)])).toBe(false)
    expect(changedAfterAcknowledgement([r(1, 'x')])).toBe(false)
  })
})
