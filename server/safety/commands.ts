import type { z } from 'zod'
import { SAFETY_TEMPLATES, type SafetyRemindResult, type StartSafetyRequest } from '../../shared/protocol/index.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { classOfSchool } from '../data/roll.js'
import { closeSafety, dueReminders, insertReminder, insertSafety, insertTargets, openSafetyId, safetyFamilies, safetyHead, targetPupilIds, unansweredCount } from '../data/safety.js'
import { getSchool } from '../data/schools.js'
import { claimJobSlot } from '../data/jobs.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { startPeriodic, type Periodic } from '../ops/periodic.js'
import { runChange } from '../realtime/change.js'
import { staffToday } from '../roll/today.js'
import { notifyFamilies } from './notify.js'

/**
 * 校長・教頭 start a confirmation: the pupils of the target are fixed, every family is reached
 * (the outbox takes the e-mail), and boards switch to safety mode with the first tally, all in
 * one change. One confirmation is open per school at a time.
 */
export async function startSafety(deps: Deps, who: StaffPrincipal, cmd: z.output<typeof StartSafetyRequest>): Promise<number> {
  authorize(who, 'safety.start', { schoolId: who.schoolId }, 'FORBIDDEN', '安否確認を始められるのは校長・教頭・管理者です。')
  const template = SAFETY_TEMPLATES[cmd.template]
  const message = cmd.message || template.message
  if (!message) throw new AppError('BAD_REQUEST', '本文を入力してください。', { message: '本文を入力してください' })
  const t = await staffToday(deps, who, { requireSchoolDay: false })
  if (cmd.target.kind === 'classes') {
    for (const classId of cmd.target.classIds) if (!(await classOfSchool(deps.sql, who.schoolId, t.year.id, classId))) throw new AppError('CLASS_NOT_FOUND')
  }
  const drill = cmd.template === 'drill'
  const title = cmd.title || template.title
  return runChange(deps, who.schoolId, async (tx, change) => {
    // Under the school's sequence lock: a second start waits for the first and sees it open.
    if ((await openSafetyId(tx, who.schoolId)) !== null) throw new AppError('SAFETY_ALREADY_OPEN')
    const id = await insertSafety(tx, {
      schoolId: who.schoolId, schoolYearId: t.year.id, template: cmd.template, situation: cmd.situation, drill, title, message,
      target: cmd.target, reminderEveryMinutes: cmd.reminderEveryMinutes, startedBy: who.staffId, startedAt: t.nowIso,
    })
    const pupils = await insertTargets(tx, { confirmationId: id, schoolId: who.schoolId, schoolYearId: t.year.id, date: t.today, target: cmd.target })
    if (pupils.length === 0) throw new AppError('SAFETY_NO_TARGETS')
    const families = await safetyFamilies(tx, id, false)
    await notifyFamilies(tx, deps, { schoolId: who.schoolId, schoolName: t.school.name, confirmationId: id, drill, situation: cmd.situation, title, message, reminder: false, nowIso: t.nowIso }, families)
    change.safety(id, pupils)
    return id
  })
}

/** Closing freezes the confirmation: no more answers; boards return to the normal board. */
export async function closeSafetyConfirmation(deps: Deps, who: StaffPrincipal, id: number): Promise<void> {
  authorize(who, 'safety.close', { schoolId: who.schoolId }, 'FORBIDDEN', '安否確認を締め切れるのは校長・教頭・管理者です。')
  const nowIso = new Date(deps.clock.now()).toISOString()
  await runChange(deps, who.schoolId, async (tx, change) => {
    const head = await safetyHead(tx, who.schoolId, id)
    if (!head) throw new AppError('SAFETY_NOT_FOUND')
    if (!(await closeSafety(tx, id, who.staffId, nowIso))) throw new AppError('SAFETY_CLOSED')
    change.safety(id, await targetPupilIds(tx, id))
  })
}

/**
 * A reminder to the families whose children have no answer yet, and to no one else: by the
 * office (`who`), or by the schedule (`who` null). Nobody left to remind: nothing is written.
 */
export async function remindSafety(deps: Deps, who: StaffPrincipal | null, schoolId: number, id: number): Promise<SafetyRemindResult> {
  if (who) authorize(who, 'safety.remind', { schoolId }, 'FORBIDDEN', '再送は職員室・管理職のみできます。')
  const school = (await getSchool(deps.sql, schoolId))!
  const nowIso = new Date(deps.clock.now()).toISOString()
  return runChange(deps, schoolId, async (tx, change) => {
    const head = await safetyHead(tx, schoolId, id)
    if (!head) throw new AppError('SAFETY_NOT_FOUND')
    if (head.closedAt) throw new AppError('SAFETY_CLOSED')
    // The schedule asks again under the school's lock: two server processes never both send the same reminder.
    if (!who && !(await dueReminders(tx, nowIso)).some((d) => d.id === id)) {
      change.unchanged()
      return { ok: true as const, families: 0, pupils: 0 }
    }
    const families = await safetyFamilies(tx, id, true)
    const pupils = await unansweredCount(tx, id)
    if (pupils === 0) {
      change.unchanged()
      return { ok: true as const, families: 0, pupils: 0 }
    }
    await insertReminder(tx, { confirmationId: id, sentBy: who?.staffId ?? null, sentAt: nowIso, families: families.length, pupils })
    await notifyFamilies(tx, deps, { schoolId, schoolName: school.name, confirmationId: id, drill: head.drill, situation: head.situation, title: head.title, message: head.message, reminder: true, nowIso }, families)
    change.safety(id)
    return { ok: true as const, families: families.length, pupils }
  })
}

/** Sends every scheduled reminder that is due; returns how many were sent. One failing school does not stop the others. */
export async function runDueReminders(deps: Deps): Promise<number> {
  let sent = 0
  for (const due of await dueReminders(deps.sql, new Date(deps.clock.now()).toISOString())) {
    // Every process finds the same reminder due: the one that claims it sends it.
    if (!(await claimJobSlot(deps.sql, 'safety-reminder', `${due.id}@${due.since}`, deps.clock.now()))) continue
    try {
      if ((await remindSafety(deps, null, due.schoolId, due.id)).pupils > 0) sent++
    } catch (err) {
      deps.log.warn('scheduled safety reminder', { confirmationId: due.id, err: String(err) })
    }
  }
  return sent
}

/** Checks for due reminders every `everyMs` until stopped; each reminder is claimed by the process that sends it. */
export function startSafetyReminders(deps: Deps, everyMs = 60_000): Periodic {
  return startPeriodic({ name: 'safety reminders', everyMs, log: deps.log, work: () => runDueReminders(deps) })
}
