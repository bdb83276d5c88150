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
  // issue 6: what guardians read after the same-day cut-off; which roles read health notes.
  cutoffMessage: z.string().max(200).default(''),
  healthNoteRoles: z.array(StaffRole).default(['admin', 'principal', 'vice_principal', 'nurse']),
})
export type SchoolSettings = z.infer<typeof SchoolSettings>
