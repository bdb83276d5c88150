import { ConfirmRollRequest, StaffNoteRequest, type PupilHistory, type Reason, type RosterPupil } from '../../shared/protocol/index.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { classOfSchool, classRoster, insertRollCall, insertStaffNote, pupilHistory, pupilPlace } from '../data/roll.js'
import type { Deps } from '../deps.js'
import { AppError, parseInput } from '../errors.js'
import { recordAudit } from '../audit/record.js'
import { runChange } from '../realtime/change.js'
import { pupilToday, staffToday } from './today.js'

/**
 * The homeroom teacher (or the office) confirms today's roll of a class: from then on the
 * class is "roll taken", with who and when, on every page. Confirming again changes nothing.
 */
export async function confirmRoll(deps: Deps, who: StaffPrincipal, body: unknown): Promise<void> {
  const { classId } = parseInput(ConfirmRollRequest, body)
  const t = await staffToday(deps, who, { requireSchoolDay: true })
  if (!(await classOfSchool(deps.sql, who.schoolId, t.year.id, classId))) throw new AppError('CLASS_NOT_FOUND')
  authorize(who, 'roll.mark', { schoolId: who.schoolId, classId }, 'NOT_HOMEROOM')
  await runChange(deps, t.school.id, async (tx, change) => {
    if (!(await insertRollCall(tx, { schoolId: t.school.id, classId, date: t.today, staffId: who.staffId, takenAt: t.nowIso }))) return change.unchanged()
    change.classDays([{ classId, date: t.today }])
  })
}

/** Everyone in a class today, for the roll call list. Any staff member may glance at any class. */
export async function roster(deps: Deps, who: StaffPrincipal, classId: number): Promise<{ pupils: RosterPupil[]; reasons: Reason[] }> {
  authorize(who, 'roster.read')
  const t = await staffToday(deps, who, { requireSchoolDay: false })
  if (!(await classOfSchool(deps.sql, who.schoolId, t.year.id, classId))) throw new AppError('CLASS_NOT_FOUND')
  const reasons = await deps.sql<Reason[]>`
    select id, label, category from school_reason where school_id = ${who.schoolId} and active order by sort_order, id`
  return { pupils: await classRoster(deps.sql, classId, t.today), reasons }
}

/** A staff-only note on a pupil, by the homeroom teacher or the office. */
export async function addStaffNote(deps: Deps, who: StaffPrincipal, body: unknown): Promise<void> {
  const cmd = parseInput(StaffNoteRequest, body)
  const t = await staffToday(deps, who, { requireSchoolDay: false })
  const place = await pupilToday(deps, who, t, cmd.pupilId)
  authorize(who, 'pupil.note', { schoolId: who.schoolId, classId: place.classId }, 'NOT_HOMEROOM')
  await runChange(deps, t.school.id, async (tx, change) => {
    await insertStaffNote(tx, { schoolId: t.school.id, pupilId: cmd.pupilId, staffId: who.staffId, date: t.today, body: cmd.body, createdAt: t.nowIso })
    // The entry looks the same; the event tells open pupil sheets to load the new note.
    change.pupilDays([{ pupilId: cmd.pupilId, date: t.today }])
  })
}

/**
 * A pupil's reports (with the families' messages), marks and staff notes over this school
 * year, newest first: for the homeroom teacher of the pupil's class and the office, as the
 * register's history.
 */
export async function history(deps: Deps, who: StaffPrincipal, pupilId: number): Promise<PupilHistory> {
  const t = await staffToday(deps, who, { requireSchoolDay: false })
  const place = await pupilPlace(deps.sql, who.schoolId, t.year.id, pupilId)
  if (!place) throw new AppError('PUPIL_NOT_FOUND')
  authorize(who, 'pupil.history', { schoolId: who.schoolId, classId: place.classId })
  const items = await pupilHistory(deps.sql, pupilId, t.year.startsOn, t.year.endsOn)
  await recordAudit(deps.sql, who, { action: 'pupil.history', pupilId, classId: place.classId, dateFrom: t.year.startsOn, dateTo: t.year.endsOn }, deps.clock.now())
  return { pupilId, name: place.name, classLabel: place.classLabel, items }
}
