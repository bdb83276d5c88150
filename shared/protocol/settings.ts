import { z } from 'zod'
import { StaffRole } from './auth.js'
import { TimeOfDay } from './primitives.js'

/** Per-school settings, stored as JSON; every field has a default so old rows stay valid. */
export const SchoolSettings = z.object({
  rollCallTime: TimeOfDay.default('8:30'),
  sameDayCutoff: TimeOfDay.default('8:30'),
  acceptLateReports: z.boolean().default(true),
  boardShowsMessages: z.boolean().default(false),
  boardDimBefore: TimeOfDay.default('6:30'),
  boardDimAfter: TimeOfDay.default('19:00'),
  showEraYear: z.boolean().default(true),
  consecutiveAbsenceBadge: z.number().int().min(1).max(30).default(3),
  cumulativeAbsenceBadges: z.array(z.number().int().min(1).max(366)).max(5).default([10, 20, 30]),
  // Not-arrived notices. Placeholders: {学校名} {児童名} {保護者名} {日付} {リンク}
  noticeSubject: z.string().min(1).max(200).default('【{学校名}】{児童名}さんがまだ登校していません'),
  noticeBody: z
    .string()
    .min(1)
    .max(2000)
    .default(
      '{保護者名} 様\n\n{学校名}です。本日{日付}、{児童名}さんがまだ登校していません。\nお手数ですが、下のリンクから状況をお知らせください。\n{リンク}\n\nすでにご連絡いただいている場合は、行き違いをお許しください。',
    ),
  /** Minutes after a notice without an answer before the pupil joins the call list. */
  callListAfterMinutes: z.number().int().min(0).max(240).default(20),
  // What guardians read after the same-day cut-off; which roles read health notes.
  cutoffMessage: z.string().max(200).default(''),
  // Homeroom teachers need to know about a fever; support staff, by default, do not.
  healthNoteRoles: z.array(StaffRole).default(['admin', 'principal', 'vice_principal', 'teacher', 'nurse']),
})
export type SchoolSettings = z.infer<typeof SchoolSettings>
