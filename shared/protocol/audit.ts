import { z } from 'zod'
import { Id, Instant, IsoDate } from './primitives.js'

/**
 * What the audit log records: reads of health notes and of a pupil's history, and every
 * correction of the register. docs/security.md says what counts as a read.
 */
export const AUDIT_ACTIONS = ['pupil.history', 'register.history', 'health.export', 'health.live', 'register.correct', 'register.resolve', 'suspension.apply'] as const
export const AuditAction = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditAction>

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  'pupil.history': '児童の記録を閲覧',
  'register.history': '出席簿の記録の経緯を閲覧',
  'health.export': '症状を含むCSVを書き出し',
  'health.live': '症状を含む当日の一覧を表示',
  'register.correct': '出席簿を訂正',
  'register.resolve': '出席簿の日を確定',
  'suspension.apply': '出席停止を記入',
}

/** Rows per page: bounded so one request never reads the whole log. */
export const AUDIT_PAGE_SIZE_MAX = 100

export const AuditQuery = z
  .object({
    /** The first and last day (school calendar) of the acts shown. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    staffId: z.coerce.number<number | string>().pipe(Id).optional(),
    pupilId: z.coerce.number<number | string>().pipe(Id).optional(),
    action: AuditAction.optional(),
    page: z.coerce.number<number | string>().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number<number | string>().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '期間の始めが終わりより後です', path: ['to'] })
export type AuditQuery = z.output<typeof AuditQuery>

export const AuditCsvQuery = AuditQuery.safeExtend({ encoding: z.enum(['utf8', 'sjis']).default('utf8') })

export const AuditRow = z.object({
  id: z.number().int(),
  at: Instant,
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  roles: z.array(z.string()),
  action: AuditAction,
  pupilId: Id.nullable(),
  pupilName: z.string().nullable(),
  classLabel: z.string().nullable(),
  dateFrom: IsoDate.nullable(),
  dateTo: IsoDate.nullable(),
  detail: z.string(),
  address: z.string(),
})
export type AuditRow = z.infer<typeof AuditRow>

export const AuditPage = z.object({
  ok: z.literal(true),
  rows: z.array(AuditRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The staff who appear in the school's log, for the person filter. */
  staff: z.array(z.object({ id: Id, name: z.string() })),
})
export type AuditPage = z.infer<typeof AuditPage>
