import { z } from 'zod'
import { CallEntry, GuardianPhone } from './notices.js'
import { Id, isSafeText, LIMITS, shortText, TimeOfDay, UNSAFE_TEXT_MESSAGE } from './primitives.js'

/**
 * 安否確認: after an earthquake, a storm, an intruder alert or a fire (or in a drill) the school
 * asks every family at once whether their children are safe and where, and follows the answers
 * live. The Japanese words here are the one definition the pages, the board and the e-mail use.
 */

export const SafetyTemplate = z.enum(['earthquake', 'storm', 'intruder', 'fire', 'drill', 'free'])
export type SafetyTemplate = z.infer<typeof SafetyTemplate>

/** In school hours the children are at school and the question is how they go home; outside them, whether they are safe. */
export const SafetySituation = z.enum(['in_school', 'out_of_school'])
export type SafetySituation = z.infer<typeof SafetySituation>

export const SafetyStatus = z.enum(['safe', 'injured', 'unknown', 'other'])
export type SafetyStatus = z.infer<typeof SafetyStatus>

export const SafetyWhereabouts = z.enum(['home', 'school', 'shelter', 'other'])
export type SafetyWhereabouts = z.infer<typeof SafetyWhereabouts>

export const SafetyPickup = z.enum(['parent', 'other_person', 'wait_at_school', 'undecided'])
export type SafetyPickup = z.infer<typeof SafetyPickup>

/** Each template's label, its default title and the message families read. */
export const SAFETY_TEMPLATES: Record<SafetyTemplate, { label: string; title: string; message: string }> = {
  earthquake: {
    label: '地震',
    title: '地震に伴う安否確認',
    message: '地震が発生しました。お子さまとご家族の安否をお知らせください。',
  },
  storm: {
    label: '台風・大雨',
    title: '台風・大雨に伴う安否確認',
    message: '台風・大雨により警報が発表されています。お子さまとご家族の安否をお知らせください。',
  },
  intruder: {
    label: '不審者',
    title: '不審者情報に伴う安否確認',
    message: '学校周辺で不審者の情報がありました。お子さまの安否と居場所をお知らせください。',
  },
  fire: {
    label: '火災',
    title: '火災に伴う安否確認',
    message: '火災が発生しました。お子さまとご家族の安否をお知らせください。',
  },
  drill: {
    label: '訓練',
    title: '安否確認訓練',
    message: 'これは訓練です。実際の災害ではありません。お子さまの状況を回答してください。',
  },
  free: { label: '自由記述', title: '安否確認', message: '' },
}

/** How a drill is marked wherever it appears (board, lists, e-mail subject, report). */
export const DRILL_MARK = '【訓練】'

export const SAFETY_STATUS_LABEL: Record<SafetyStatus, string> = { safe: '無事', injured: 'けが', unknown: '不明', other: 'その他' }
export const SAFETY_WHEREABOUTS_LABEL: Record<SafetyWhereabouts, string> = { home: '自宅', school: '学校', shelter: '避難所', other: 'その他' }
export const SAFETY_PICKUP_LABEL: Record<SafetyPickup, string> = {
  parent: '保護者が迎えに行きます',
  other_person: '引き渡しカードに登録した方が迎えに行きます',
  wait_at_school: '迎えに行けるまで学校で待機させてください',
  undecided: 'まだわかりません',
}
export const SAFETY_SITUATION_LABEL: Record<SafetySituation, string> = { in_school: '在校中', out_of_school: '在校時間外' }

/** 要支援: the answers the school must act on. */
export const needsSupport = (s: SafetyStatus): boolean => s === 'injured' || s === 'unknown'

/**
 * The questions of each situation, in the order a guardian answers them. `status` asks about
 * the child outside school hours and about the family in school hours (the school sees the
 * child); `whereabouts` is asked only outside school hours, `pickup` only in school hours.
 */
export const SAFETY_QUESTIONS: Record<SafetySituation, { lead: string; status: string; whereabouts: string | null; pickup: string | null; note: string }> = {
  in_school: {
    lead: 'お子さまは学校にいます。お迎えについて',
    status: 'ご家族は無事ですか',
    whereabouts: null,
    pickup: 'お迎えについて',
    note: '学校への連絡事項(任意)',
  },
  out_of_school: {
    lead: 'お子さまとご家族は無事ですか',
    status: 'お子さまの状況',
    whereabouts: 'いまいる場所',
    pickup: null,
    note: 'けがの様子・連絡事項(任意)',
  },
}

/** Tally labels on the board and staff pages. */
export const SAFETY_TALLY_LABEL = { answered: '回答済', safe: '無事', support: '要支援', unanswered: '未回答' } as const

/** A scheduled reminder to the families who have not answered: every so many minutes, or none. */
export const ReminderEvery = z.union([z.literal(15), z.literal(30), z.literal(60)]).nullable()

const note = z
  .string()
  .max(LIMITS.messageChars)
  .transform((s) => s.trim())
  .pipe(z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE))

export const SafetyTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('school') }),
  z.object({ kind: z.literal('grades'), grades: z.array(z.number().int().min(1).max(9)).min(1).max(9) }),
  z.object({ kind: z.literal('classes'), classIds: z.array(Id).min(1).max(100) }),
])
export type SafetyTarget = z.infer<typeof SafetyTarget>

/** 校長・教頭 start a confirmation: a template, whom, and whether the children are at school. */
export const StartSafetyRequest = z.object({
  template: SafetyTemplate,
  situation: SafetySituation,
  target: SafetyTarget.default({ kind: 'school' }),
  /** Empty: the template's title. */
  title: shortText(100).default(''),
  /** Empty: the template's message (free text needs one). */
  message: note.default(''),
  reminderEveryMinutes: ReminderEvery.default(null),
})
export type StartSafetyRequest = z.input<typeof StartSafetyRequest>

/** One child's answer. `whereabouts` outside school hours and `pickup` in them are required (the server knows which). */
export const SafetyChildAnswer = z.object({
  pupilId: Id,
  status: SafetyStatus,
  whereabouts: SafetyWhereabouts.nullable().default(null),
  pickup: SafetyPickup.nullable().default(null),
  /** When the pick-up is expected, in school hours. */
  pickupTime: TimeOfDay.nullable().default(null),
  note: note.default(''),
})
export type SafetyChildAnswer = z.input<typeof SafetyChildAnswer>

/** Siblings answered together: one request, one answer per child. */
export const SafetyAnswerRequest = z.object({
  answers: z
    .array(SafetyChildAnswer)
    .min(1)
    .max(LIMITS.pupilsPerReport)
    .refine((a) => new Set(a.map((x) => x.pupilId)).size === a.length, 'お子さまが重複しています'),
})
export type SafetyAnswerRequest = z.input<typeof SafetyAnswerRequest>

export const SafetyRemindResult = z.object({ ok: z.literal(true), families: z.number().int().nonnegative(), pupils: z.number().int().nonnegative() })
export type SafetyRemindResult = z.infer<typeof SafetyRemindResult>

/** One class on the board in safety mode. 回答済 + 未回答 = 対象; 無事 and 要支援 are among 回答済. */
export const SafetyClassTally = z.object({
  classId: Id,
  label: z.string(),
  grade: z.number().int(),
  targets: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  safe: z.number().int().nonnegative(),
  support: z.number().int().nonnegative(),
  unanswered: z.number().int().nonnegative(),
})
export type SafetyClassTally = z.infer<typeof SafetyClassTally>

/** A confirmation as the board, staff pages and lists show it: no pupil names, so boards may have it. */
export const SafetyBoard = z.object({
  id: Id,
  template: SafetyTemplate,
  situation: SafetySituation,
  drill: z.boolean(),
  title: z.string(),
  message: z.string(),
  startedAt: z.string(),
  startedBy: z.string(),
  closedAt: z.string().nullable(),
  reminderEveryMinutes: ReminderEvery,
  /** Reminders sent so far (by hand or on schedule), and the last. */
  reminders: z.number().int().nonnegative(),
  lastReminderAt: z.string().nullable(),
  classes: z.array(SafetyClassTally),
  totals: SafetyClassTally.omit({ classId: true, label: true, grade: true }),
})
export type SafetyBoard = z.infer<typeof SafetyBoard>

/** An answer as staff see it; `counts` marks the one that counts for the child (the first guardian's newest). */
export const SafetyAnswerView = z.object({
  guardian: z.string(),
  status: SafetyStatus,
  whereabouts: SafetyWhereabouts.nullable(),
  pickup: SafetyPickup.nullable(),
  pickupTime: TimeOfDay.nullable(),
  note: z.string(),
  answeredAt: z.string(),
  counts: z.boolean(),
})
export type SafetyAnswerView = z.infer<typeof SafetyAnswerView>

/** One child in the staff list: its counting answer, every answer, and for non-responders the phones and calls. */
export const SafetyStaffRow = z.object({
  pupilId: Id,
  classId: Id,
  classLabel: z.string(),
  attendanceNumber: z.number().int(),
  name: z.string(),
  kana: z.string(),
  /** The answer that counts; null: 未回答. */
  answer: SafetyAnswerView.nullable(),
  /** Every answer, newest first (the counting one included). */
  answers: z.array(SafetyAnswerView),
  phones: z.array(GuardianPhone),
  /** Calls to the family since the confirmation started (the office's call records). */
  calls: z.array(CallEntry),
})
export type SafetyStaffRow = z.infer<typeof SafetyStaffRow>

/** A confirmation with the rows the caller may see: a homeroom teacher their classes, the office every class. */
export const SafetyDetail = z.object({ ok: z.literal(true), safety: SafetyBoard, rows: z.array(SafetyStaffRow) })
export type SafetyDetail = z.infer<typeof SafetyDetail>

/** The open confirmation (if any) and the recent ones. */
export const SafetyOverview = z.object({ ok: z.literal(true), open: SafetyBoard.nullable(), recent: z.array(SafetyBoard) })
export type SafetyOverview = z.infer<typeof SafetyOverview>

/** Print data for the A4 report: the frozen confirmation and every child. */
export const SafetyReport = z.object({ ok: z.literal(true), schoolName: z.string(), safety: SafetyBoard, rows: z.array(SafetyStaffRow) })
export type SafetyReport = z.infer<typeof SafetyReport>

/** A child as their guardian sees a confirmation. */
export const GuardianSafetyChild = z.object({
  pupilId: Id,
  name: z.string(),
  classLabel: z.string(),
  /** This guardian's own latest answer, to prefill a change. */
  mine: SafetyAnswerView.nullable(),
  /** The answer that counts (possibly another guardian's). */
  counting: SafetyAnswerView.nullable(),
  /** Every answer for the child, newest first. */
  answers: z.array(SafetyAnswerView),
})
export type GuardianSafetyChild = z.infer<typeof GuardianSafetyChild>

export const GuardianSafety = z.object({
  id: Id,
  schoolName: z.string(),
  template: SafetyTemplate,
  situation: SafetySituation,
  drill: z.boolean(),
  title: z.string(),
  message: z.string(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Answers can be given and changed until it is closed. */
  open: z.boolean(),
  children: z.array(GuardianSafetyChild),
})
export type GuardianSafety = z.infer<typeof GuardianSafety>

/** Open confirmations addressed to this guardian's children, and those closed in the last days. */
export const GuardianSafetyList = z.object({ ok: z.literal(true), confirmations: z.array(GuardianSafety) })
export type GuardianSafetyList = z.infer<typeof GuardianSafetyList>

/**
 * A sequenced change to the school's confirmation: its new tally, or null when none is open
 * (it was closed). Same sequence as `day:changed` and `school:changed`; boards and staff pages
 * apply it in order and take it from the snapshot on (re)connect.
 */
export const SafetyChanged = z.object({
  schoolId: Id,
  seq: z.number().int().positive(),
  /** The confirmation this change was about (also when it was just closed). */
  confirmationId: Id,
  safety: SafetyBoard.nullable(),
})
export type SafetyChanged = z.infer<typeof SafetyChanged>

/** For a guardian's page: a confirmation addressed to their child started, closed or was answered; the page re-reads. */
export const FamilySafety = z.object({ schoolId: Id, seq: z.number().int().positive(), confirmationId: Id })
export type FamilySafety = z.infer<typeof FamilySafety>
