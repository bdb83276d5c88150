import type { z } from 'zod'
import { SAFETY_QUESTIONS, type SafetyAnswerRequest } from '../../shared/protocol/index.js'
import { authorize } from '../auth/guards.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { insertAnswer, lockTargets, setCounting } from '../data/safety.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChange } from '../realtime/change.js'

/**
 * A guardian answers for their children, siblings in one request. Every answer is kept; the
 * first guardian to answer for a child counts, and their later answers change it, until the
 * confirmation is closed. Another family's child is refused before anything is read.
 */
export async function answerSafety(deps: Deps, who: GuardianPrincipal, id: number, cmd: z.output<typeof SafetyAnswerRequest>): Promise<void> {
  for (const a of cmd.answers) authorize(who, 'safety.answer', { pupilId: a.pupilId })
  const [head] = await deps.sql<{ schoolId: number; situation: 'in_school' | 'out_of_school' }[]>`
    select c.school_id, c.situation from safety_confirmation c
    where c.id = ${id} and exists (select 1 from safety_target t where t.confirmation_id = c.id and t.pupil_id = any(${cmd.answers.map((a) => a.pupilId)}::int[]))`
  if (!head) throw new AppError('SAFETY_NOT_FOUND')
  const q = SAFETY_QUESTIONS[head.situation]
  const fields: Record<string, string> = {}
  cmd.answers.forEach((a, i) => {
    if (q.whereabouts && !a.whereabouts) fields[`answers.${i}.whereabouts`] = `${q.whereabouts}を選んでください`
    if (q.pickup && !a.pickup) fields[`answers.${i}.pickup`] = `${q.pickup}選んでください`
  })
  if (Object.keys(fields).length > 0) throw new AppError('BAD_REQUEST', undefined, fields)
  const nowIso = new Date(deps.clock.now()).toISOString()
  const pupilIds = cmd.answers.map((a) => a.pupilId)
  await runChange(deps, head.schoolId, async (tx, change) => {
    // Under the school's sequence lock, which closing takes too: an answer never lands after the close.
    const [state] = await tx<{ closedAt: string | null }[]>`select closed_at from safety_confirmation where id = ${id}`
    if (state!.closedAt) throw new AppError('SAFETY_CLOSED')
    const targets = await lockTargets(tx, id, pupilIds)
    if (targets.length !== pupilIds.length) throw new AppError('PUPIL_NOT_FOUND')
    for (const a of cmd.answers) {
      const row = {
        confirmationId: id, pupilId: a.pupilId, guardianId: who.guardianId, status: a.status,
        // In school hours the children are at school; the question is how they go home.
        whereabouts: q.whereabouts ? a.whereabouts : 'school',
        pickup: q.pickup ? a.pickup : null,
        pickupTime: q.pickup ? a.pickupTime : null,
        note: a.note, answeredAt: nowIso,
      }
      await insertAnswer(tx, row)
      await setCounting(tx, { confirmationId: id, pupilId: a.pupilId, guardianId: who.guardianId, status: a.status, answeredAt: nowIso })
    }
    change.safety(id, pupilIds)
  })
}
