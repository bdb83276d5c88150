import type { GuidanceNoteRequest } from '../../shared/protocol/guidance.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'
import { readablePupilClass } from '../register/access.js'

/**
 * Saves the guidance memo, the long-absence reason and the 'reported to the board' mark of a
 * pupil for the school year of `date`. The report time is kept from the first time it was set.
 */
export async function saveGuidanceNote(deps: ChangeDeps, who: StaffPrincipal, pupilId: number, date: string, nowIso: string, n: GuidanceNoteRequest): Promise<void> {
  const cls = await readablePupilClass(deps.sql, who, 'guidance.write', pupilId, date)
  await runChange(deps, who.schoolId, async (q, change) => {
    change.school('guidance')
    await q`
      insert into guidance_note (school_id, school_year_id, pupil_id, memo, long_absence_reason, reported_to_board_at, updated_by, updated_at)
      values (${who.schoolId}, ${cls.year.id}, ${pupilId}, ${n.memo}, ${n.longAbsenceReason}, ${n.reportedToBoard ? nowIso : null}, ${who.staffId}, ${nowIso})
      on conflict (school_year_id, pupil_id) do update set
        memo = excluded.memo,
        long_absence_reason = excluded.long_absence_reason,
        reported_to_board_at = case when ${n.reportedToBoard} then coalesce(guidance_note.reported_to_board_at, excluded.reported_to_board_at) else null end,
        updated_by = excluded.updated_by,
        updated_at = excluded.updated_at`
  })
}
