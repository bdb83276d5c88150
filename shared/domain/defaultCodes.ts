import type { CodeSemantics, ReasonCategory } from './attendance.js'
import { LATE_AND_EARLY_LEAVE } from './dayReports.js'

export interface DefaultCode extends CodeSemantics {
  code: string
  label: string
  shortLabel: string
  guardianSelectable: boolean
  futureAllowed: boolean
}

const base = { onSite: false, countsAbsent: false, excused: false, isLate: false, isEarlyLeave: false, provisional: false, guardianSelectable: false, futureAllowed: true }

/** The default marks every new school starts with (domain.md); schools may add more. */
export const DEFAULT_CODES: DefaultCode[] = [
  { ...base, code: 'present', label: '出席', shortLabel: '出', onSite: true },
  { ...base, code: 'absent_sick', label: '欠席(病気・けが)', shortLabel: '病', countsAbsent: true, guardianSelectable: true },
  { ...base, code: 'absent_other', label: '欠席(事故)', shortLabel: '事', countsAbsent: true, guardianSelectable: true },
  { ...base, code: 'late', label: '遅刻', shortLabel: '遅', onSite: true, isLate: true, guardianSelectable: true },
  { ...base, code: 'early_leave', label: '早退', shortLabel: '早', onSite: true, isEarlyLeave: true, guardianSelectable: true },
  { ...base, code: 'suspension_infection', label: '出席停止(感染症)', shortLabel: '停', excused: true },
  { ...base, code: 'suspension_other', label: '出席停止(その他)', shortLabel: '停', excused: true },
  { ...base, code: 'bereavement', label: '忌引', shortLabel: '忌', excused: true, guardianSelectable: true },
  { ...base, code: 'deemed_present', label: '出席扱い', shortLabel: '扱', onSite: false },
  { ...base, code: 'class_closure', label: '学級閉鎖', shortLabel: '閉', excused: true },
  { ...base, code: 'not_arrived', label: '未登校', shortLabel: '未', provisional: true, futureAllowed: false },
  // Not chosen by anyone: a 遅刻 and an 早退 reported for the same day combine into it (dayReports.ts).
  { ...base, code: LATE_AND_EARLY_LEAVE, label: '遅刻・早退', shortLabel: '遅早', onSite: true, isLate: true, isEarlyLeave: true },
]

export interface DefaultReason {
  label: string
  category: ReasonCategory
  suggestedCode: string
}

/** The default reasons guardians choose from, each suggesting a code for a 欠席 report. */
export const DEFAULT_REASONS: DefaultReason[] = [
  { label: '発熱', category: 'illness', suggestedCode: 'absent_sick' },
  { label: 'かぜ症状', category: 'illness', suggestedCode: 'absent_sick' },
  { label: '頭痛', category: 'illness', suggestedCode: 'absent_sick' },
  { label: '腹痛', category: 'illness', suggestedCode: 'absent_sick' },
  { label: 'インフルエンザ', category: 'suspension', suggestedCode: 'suspension_infection' },
  { label: '新型コロナ', category: 'suspension', suggestedCode: 'suspension_infection' },
  { label: 'けが', category: 'injury', suggestedCode: 'absent_sick' },
  { label: '通院', category: 'appointment', suggestedCode: 'absent_other' },
  { label: '家庭の事情', category: 'family', suggestedCode: 'absent_other' },
  { label: '忌引', category: 'bereavement', suggestedCode: 'bereavement' },
  { label: 'その他', category: 'other', suggestedCode: 'absent_other' },
]
