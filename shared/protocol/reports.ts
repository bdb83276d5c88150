import { z } from 'zod'
import { ReasonCategory, ReportKind } from '../domain/attendance.js'
import { Id, IsoDate, LIMITS, TimeOfDay } from './primitives.js'

/** What a new report does to a pupil-day that already has one. */
export const ReportMode = z.enum(['add', 'replace'])
export type ReportMode = z.infer<typeof ReportMode>

/** A guardian's report for one or several children over one or several days. */
export const CreateReportRequest = z
  .object({
    /** Chosen by the page once per form; a retry with the same key returns the same receipt. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    pupilIds: z.array(Id).min(1, 'お子さまを選んでください').max(LIMITS.pupilsPerReport),
    kind: ReportKind,
    fromDate: IsoDate,
    toDate: IsoDate,
    reasonId: Id,
    symptoms: z.array(z.string().trim().min(1).max(30)).max(LIMITS.symptoms).default([]),
    temperature: z.number().min(LIMITS.temperatureMin).max(LIMITS.temperatureMax).multipleOf(0.1).nullable().default(null),
    /** 遅刻: expected arrival; 早退: pick-up time. */
    time: TimeOfDay.nullable().default(null),
    message: z.string().max(LIMITS.messageChars, `メッセージは${LIMITS.messageChars}文字までです`).transform((s) => s.trim()).default(''),
    /**
     * For pupil-days that already have a report: `replace` changes it (the earlier report is
     * kept as history but no longer counts for the day), `add` keeps both. Required when any
     * chosen pupil-day has a report; the same decision applies to each of them.
     */
    mode: ReportMode.optional(),
  })
  .refine((r) => r.fromDate <= r.toDate, { message: '終了日は開始日以降にしてください', path: ['toDate'] })
  .refine((r) => r.kind === 'absent' || r.time !== null, { message: '時刻を入力してください', path: ['time'] })
  .refine((r) => r.kind === 'absent' || r.fromDate === r.toDate, { message: '遅刻・早退は1日ずつ連絡してください', path: ['toDate'] })
export type CreateReportRequest = z.input<typeof CreateReportRequest>
export type CreateReportCommand = z.output<typeof CreateReportRequest>

/** One report as its guardian sees it. */
export const GuardianReport = z.object({
  id: Id,
  /** The 受付番号 of the submission this report came with (siblings share it). */
  receiptNo: z.string(),
  pupilId: Id,
  pupilName: z.string(),
  kind: ReportKind,
  fromDate: IsoDate,
  toDate: IsoDate,
  days: z.array(IsoDate),
  reasonLabel: z.string(),
  symptoms: z.array(z.string()),
  temperature: z.number().nullable(),
  time: TimeOfDay.nullable(),
  message: z.string(),
  submittedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  /** Days on which a later report changed this one. */
  replacedDays: z.array(IsoDate),
  acknowledged: z.boolean(),
  canWithdraw: z.boolean(),
})
export type GuardianReport = z.infer<typeof GuardianReport>

export const ReportReceipt = z.object({
  ok: z.literal(true),
  receiptNo: z.string(),
  submittedAt: z.string(),
  reports: z.array(GuardianReport),
  /** Days in the chosen range that were skipped because school is not in session. */
  skippedDays: z.array(IsoDate),
  /** Set when the report arrived after the school's same-day cut-off. */
  lateNotice: z.string().nullable(),
})
export type ReportReceipt = z.infer<typeof ReportReceipt>

export const GuardianReportList = z.object({ ok: z.literal(true), reports: z.array(GuardianReport) })
export type GuardianReportList = z.infer<typeof GuardianReportList>

export const Reason = z.object({ id: Id, label: z.string(), category: ReasonCategory })
export type Reason = z.infer<typeof Reason>

export const GuardianChild = z.object({
  pupilId: Id,
  schoolId: Id,
  schoolName: z.string(),
  name: z.string(),
  kana: z.string(),
  className: z.string(),
})
export type GuardianChild = z.infer<typeof GuardianChild>

/** Everything the guardian form needs in one request. */
/** How far ahead the guardian page knows the school calendar. */
export const GUARDIAN_CALENDAR_DAYS = 30

export const GuardianHome = z.object({
  ok: z.literal(true),
  today: IsoDate,
  children: z.array(GuardianChild),
  /** Reasons per school id (siblings may attend different schools). */
  reasons: z.record(z.string(), z.array(Reason)),
  /**
   * The school days from today through `GUARDIAN_CALENDAR_DAYS` ahead, per school id: the quick
   * "today / tomorrow" choice, and a picked date without school said at once.
   */
  nextSchoolDays: z.record(z.string(), z.array(IsoDate)),
  sameDayCutoff: z.record(z.string(), TimeOfDay),
  /** Whether a report after the cut-off is still accepted (flagged as late), per school id. */
  acceptLateReports: z.record(z.string(), z.boolean()),
  /**
   * Pupil-days from today on that already have a live report (from any of the child's
   * guardians), so the form can ask "change or add?" before sending.
   */
  reportedDays: z.array(z.object({ pupilId: Id, date: IsoDate, kinds: z.array(ReportKind) })),
})
export type GuardianHome = z.infer<typeof GuardianHome>
