import { z } from 'zod'
import { Id } from './primitives.js'

/** The roster fields an import understands; the admin maps the file's header to them once. */
export const ROSTER_FIELDS = ['externalId', 'grade', 'className', 'number', 'name', 'kana', 'familyName', 'givenName', 'familyKana', 'givenKana', 'guardianName', 'enrolledOn'] as const
export const RosterField = z.enum(ROSTER_FIELDS)
export type RosterField = z.infer<typeof RosterField>
/** Always needed; the name comes from 氏名 or from 姓 and 名 together. */
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['grade', 'className', 'number']

export const ROSTER_FIELD_LABEL: Record<RosterField, string> = {
  externalId: '児童番号',
  grade: '学年',
  className: '組',
  number: '出席番号',
  name: '氏名',
  kana: 'ふりがな',
  familyName: '姓',
  givenName: '名',
  familyKana: '姓ふりがな',
  givenKana: '名ふりがな',
  guardianName: '保護者氏名',
  enrolledOn: '転入日・入学日',
}

/** Longest text a roster cell may hold, per field; checked at preview so apply never fails on length. */
export const ROSTER_MAX_CHARS: Record<RosterField, number> = {
  externalId: 40,
  grade: 10,
  className: 20,
  number: 10,
  name: 81,
  kana: 81,
  familyName: 40,
  givenName: 40,
  familyKana: 40,
  givenKana: 40,
  guardianName: 80,
  enrolledOn: 20,
}

/** Field → the header text of the file's column. */
export const RosterMapping = z.partialRecord(RosterField, z.string().trim().min(1).max(60))
export type RosterMapping = z.infer<typeof RosterMapping>

/** Query of the preview/apply requests (the CSV travels as the raw body). */
export const RosterImportQuery = z.object({
  yearId: z.coerce.number<number | string>().pipe(Id).optional(),
  createClasses: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** JSON of a RosterMapping; omitted = the school's remembered mapping or the guessed one. */
  mapping: z.string().max(2000).optional(),
  /**
   * `full`: the file is the whole school, and enrolled pupils missing from it leave.
   * `partial`: one class or a few transfers; nobody else is touched. Omitted: the preview's guess.
   */
  mode: z.enum(['full', 'partial']).optional(),
  /** JSON of RosterAnswers: which existing pupil a namesake row is. */
  answers: z.string().max(4000).optional(),
  /** Apply only: the digest the preview showed, so the admin applies exactly what they saw. */
  digest: z.string().max(100).optional(),
})

/** File line → the existing pupil that row is, or `new` for a different child. */
export const RosterAnswers = z.record(z.string().regex(/^\d{1,6}$/), z.union([z.literal('new'), Id]))
export type RosterAnswers = z.infer<typeof RosterAnswers>

/** A row whose name and kana match a pupil the file cannot tell apart by 児童番号: the admin says who it is. */
export const RosterQuestion = z.object({
  line: z.number().int(),
  row: z.string(),
  candidates: z.array(z.object({ pupilId: Id, label: z.string() })),
  answer: z.union([z.literal('new'), Id]).nullable(),
})
export type RosterQuestion = z.infer<typeof RosterQuestion>

export const RosterProblem = z.object({ line: z.number().int(), message: z.string() })
export type RosterProblem = z.infer<typeof RosterProblem>

export const RosterPreview = z.object({
  ok: z.literal(true),
  encoding: z.enum(['utf-8', 'shift_jis']),
  headers: z.array(z.string()),
  mapping: RosterMapping,
  yearId: Id,
  fiscalYear: z.number().int(),
  /** The mode this preview used, and the one the server would pick for this file. */
  mode: z.enum(['full', 'partial']),
  suggestedMode: z.enum(['full', 'partial']),
  rows: z.number().int(),
  questions: z.array(RosterQuestion),
  problems: z.array(RosterProblem),
  added: z.array(z.string()),
  moved: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.number().int(),
  leaving: z.array(z.object({ name: z.string(), reason: z.enum(['graduated', 'left']) })),
  newClasses: z.array(z.string()),
  digest: z.string(),
})
export type RosterPreview = z.infer<typeof RosterPreview>

export const RosterApplied = z.object({
  ok: z.literal(true),
  added: z.number().int(),
  moved: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  left: z.number().int(),
  classesCreated: z.number().int(),
})
export type RosterApplied = z.infer<typeof RosterApplied>
