import { z } from 'zod'
import { Id } from './primitives.js'

/** The roster fields an import understands; the admin maps the file's header to them once. */
export const ROSTER_FIELDS = ['externalId', 'grade', 'className', 'number', 'name', 'kana', 'guardianName'] as const
export const RosterField = z.enum(ROSTER_FIELDS)
export type RosterField = z.infer<typeof RosterField>
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['grade', 'className', 'number', 'name']

export const ROSTER_FIELD_LABEL: Record<RosterField, string> = {
  externalId: '児童番号',
  grade: '学年',
  className: '組',
  number: '出席番号',
  name: '氏名',
  kana: 'ふりがな',
  guardianName: '保護者氏名',
}

/** Longest text a roster cell may hold, per field; checked at preview so apply never fails on length. */
export const ROSTER_MAX_CHARS: Record<RosterField, number> = {
  externalId: 40,
  grade: 10,
  className: 20,
  number: 10,
  name: 81,
  kana: 81,
  guardianName: 80,
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
  /** Apply only: the digest the preview showed, so the admin applies exactly what they saw. */
  digest: z.string().max(100).optional(),
})

export const RosterProblem = z.object({ line: z.number().int(), message: z.string() })
export type RosterProblem = z.infer<typeof RosterProblem>

export const RosterPreview = z.object({
  ok: z.literal(true),
  encoding: z.enum(['utf-8', 'shift_jis']),
  headers: z.array(z.string()),
  mapping: RosterMapping,
  yearId: Id,
  fiscalYear: z.number().int(),
  rows: z.number().int(),
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
