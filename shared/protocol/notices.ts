import { z } from 'zod'
import { Id, IsoDate, LIMITS, TimeOfDay } from './primitives.js'

/** Not-arrived notices, the guardians' answers, the call list and call records. */

/** The office sends to the selected pupils, or to every unexplained 未登校 pupil. */
export const SendNoticesRequest = z.object({ pupilIds: z.union([z.array(Id).min(1).max(500), z.literal('all')]) })
export type SendNoticesRequest = z.input<typeof SendNoticesRequest>

export const SendNoticesResult = z.object({
  ok: z.literal(true),
  sent: z.array(Id),
  /** Pupils left out, with why (連絡済 / 登校済 / 送信済). */
  skipped: z.array(z.object({ pupilId: Id, why: z.string() })),
})
export type SendNoticesResult = z.infer<typeof SendNoticesResult>

export const NoticeAnswerKind = z.enum(['late', 'absent', 'should_be_at_school', 'will_call'])
export type NoticeAnswerKind = z.infer<typeof NoticeAnswerKind>

export const NOTICE_ANSWER_LABEL: Record<NoticeAnswerKind, string> = {
  late: '遅刻します',
  absent: '欠席します',
  should_be_at_school: '登校しているはずです',
  will_call: '学校に電話します',
}

export const NoticeAnswerRequest = z
  .object({
    answer: NoticeAnswerKind,
    time: TimeOfDay.nullable().default(null),
    reasonId: Id.nullable().default(null),
    message: z.string().max(LIMITS.messageChars).transform((s) => s.trim()).default(''),
  })
  .refine((r) => r.answer !== 'late' || r.time !== null, { message: '到着予定の時刻を入力してください', path: ['time'] })
  .refine((r) => r.answer !== 'absent' || r.reasonId !== null, { message: '理由を選んでください', path: ['reasonId'] })
export type NoticeAnswerRequest = z.input<typeof NoticeAnswerRequest>

export const DeliveryState = z.enum(['pending', 'sending', 'sent', 'captured', 'failed'])

export const CallOutcome = z.enum(['reached', 'no_answer', 'left_message'])
export const CALL_OUTCOME_LABEL: Record<z.infer<typeof CallOutcome>, string> = { reached: '通話できた', no_answer: '出ない', left_message: '留守電に伝言' }
export type CallOutcome = z.infer<typeof CallOutcome>

/** A guardian's phone as the office's call lists show it. */
export const GuardianPhone = z.object({ guardian: z.string(), phone: z.string() })
export type GuardianPhone = z.infer<typeof GuardianPhone>

/** One recorded call to a family: when, by whom, how it went. */
export const CallEntry = z.object({ at: z.string(), by: z.string(), outcome: CallOutcome, note: z.string() })
export type CallEntry = z.infer<typeof CallEntry>

/** A notice as the office follows it. */
export const OfficeNotice = z.object({
  id: Id,
  pupilId: Id,
  classId: Id,
  pupilName: z.string(),
  classLabel: z.string(),
  attendanceNumber: z.number().int(),
  sentAt: z.string(),
  sentBy: z.string(),
  answer: NoticeAnswerKind.nullable(),
  answerTime: TimeOfDay.nullable(),
  answerMessage: z.string(),
  answeredAt: z.string().nullable(),
  /** E-mail delivery per guardian; in-app is always delivered. */
  deliveries: z.array(z.object({ channel: z.enum(['in_app', 'email']), recipient: z.string(), status: DeliveryState, attempts: z.number().int(), lastError: z.string().nullable() })),
  /** Still not in school and no answer after the school's wait, or 登校しているはずです: phone the family. */
  toCall: z.boolean(),
  phones: z.array(GuardianPhone),
  calls: z.array(CallEntry),
})
export type OfficeNotice = z.infer<typeof OfficeNotice>

export const OfficeNoticeList = z.object({ ok: z.literal(true), date: IsoDate, callListAfterMinutes: z.number().int(), notices: z.array(OfficeNotice) })
export type OfficeNoticeList = z.infer<typeof OfficeNoticeList>


export const CallRecordRequest = z.object({
  pupilId: Id,
  outcome: CallOutcome,
  note: z.string().max(500).transform((s) => s.trim()).default(''),
})
export type CallRecordRequest = z.input<typeof CallRecordRequest>

export const NoticeTemplateRequest = z.object({
  subject: z.string().trim().min(1, '件名を入力してください').max(200),
  body: z.string().trim().min(1, '本文を入力してください').max(2000).refine((b) => b.includes('{児童名}'), '本文に {児童名} を入れてください'),
})
export type NoticeTemplateRequest = z.input<typeof NoticeTemplateRequest>

/** A notice as its family sees it. */
export const GuardianNotice = z.object({
  id: Id,
  pupilId: Id,
  pupilName: z.string(),
  date: IsoDate,
  subject: z.string(),
  body: z.string(),
  sentAt: z.string(),
  answer: NoticeAnswerKind.nullable(),
  answerTime: TimeOfDay.nullable(),
  answerMessage: z.string(),
  answeredAt: z.string().nullable(),
  /** Still answerable: today, and not answered yet. */
  open: z.boolean(),
})
export type GuardianNotice = z.infer<typeof GuardianNotice>

/** A captured e-mail in the embedded demo, for the administrator. */
export const CapturedMail = z.object({ id: Id, recipient: z.string(), subject: z.string(), body: z.string(), createdAt: z.string(), status: DeliveryState })
export type CapturedMail = z.infer<typeof CapturedMail>
