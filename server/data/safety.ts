import type { SafetyAnswerView, SafetyBoard, SafetyStaffRow, SafetyStatus, SafetyTarget } from '../../shared/protocol/index.js'
import { needsSupport } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

/** 安否確認: confirmations, their targets, answers and reminders. */

export interface SafetyHead {
  id: number
  schoolId: number
  schoolYearId: number
  drill: boolean
  situation: 'in_school' | 'out_of_school'
  title: string
  message: string
  startedAt: string
  closedAt: string | null
  reminderEveryMinutes: 15 | 30 | 60 | null
}

export async function safetyHead(q: Q, schoolId: number, id: number): Promise<SafetyHead | null> {
  const [row] = await q<SafetyHead[]>`
    select id, school_id, school_year_id, drill, situation, title, message, started_at, closed_at, reminder_every_minutes
    from safety_confirmation where id = ${id} and school_id = ${schoolId}`
  return row ?? null
}

/** The school's open confirmation, if any (at most one: a partial unique index). */
export async function openSafetyId(q: Q, schoolId: number): Promise<number | null> {
  const [row] = await q<{ id: number }[]>`select id from safety_confirmation where school_id = ${schoolId} and closed_at is null`
  return row?.id ?? null
}

export async function insertSafety(
  q: Q,
  c: { schoolId: number; schoolYearId: number; template: string; situation: string; drill: boolean; title: string; message: string; target: SafetyTarget; reminderEveryMinutes: number | null; startedBy: number; startedAt: string },
): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into safety_confirmation (school_id, school_year_id, template, situation, drill, title, message, target, reminder_every_minutes, started_by, started_at)
    values (${c.schoolId}, ${c.schoolYearId}, ${c.template}, ${c.situation}, ${c.drill}, ${c.title}, ${c.message}, ${q.json(c.target)}, ${c.reminderEveryMinutes}, ${c.startedBy}, ${c.startedAt})
    returning id`
  return row!.id
}

/** Fixes the pupils asked: everyone enrolled today in the target's classes of the year. Returns them. */
export async function insertTargets(q: Q, c: { confirmationId: number; schoolId: number; schoolYearId: number; date: string; target: SafetyTarget }): Promise<number[]> {
  const grades = c.target.kind === 'grades' ? c.target.grades : null
  const classIds = c.target.kind === 'classes' ? c.target.classIds : null
  const rows = await q<{ pupilId: number }[]>`
    insert into safety_target (confirmation_id, pupil_id, class_id)
    select ${c.confirmationId}, m.pupil_id, m.class_id
    from class_membership m
    join school_class sc on sc.id = m.class_id
    join pupil p on p.id = m.pupil_id
    where m.school_year_id = ${c.schoolYearId} and m.school_id = ${c.schoolId}
      and p.enrolled_on <= ${c.date} and (p.left_on is null or p.left_on >= ${c.date})
      and (${grades === null} or sc.grade = any(${grades ?? []}::int[]))
      and (${classIds === null} or sc.id = any(${classIds ?? []}::int[]))
    returning pupil_id`
  return rows.map((r) => r.pupilId)
}

export async function targetPupilIds(q: Q, confirmationId: number): Promise<number[]> {
  return (await q<{ pupilId: number }[]>`select pupil_id from safety_target where confirmation_id = ${confirmationId} order by pupil_id`).map((r) => r.pupilId)
}

/** The confirmation with its per-class tally (no names: boards may have it). */
export async function safetyBoard(q: Q, id: number): Promise<SafetyBoard | null> {
  const [head] = await q<Omit<SafetyBoard, 'classes' | 'totals'>[]>`
    select c.id, c.template, c.situation, c.drill, c.title, c.message, c.started_at,
           s.family_name || ' ' || s.given_name as started_by, c.closed_at, c.reminder_every_minutes,
           (select count(*)::int from safety_reminder r where r.confirmation_id = c.id) as reminders,
           (select max(r.sent_at) from safety_reminder r where r.confirmation_id = c.id) as last_reminder_at
    from safety_confirmation c join staff s on s.id = c.started_by
    where c.id = ${id}`
  if (!head) return null
  const counts = await q<{ classId: number; grade: number; label: string; status: SafetyStatus | null; n: number }[]>`
    select t.class_id, sc.grade, sc.grade || '年' || sc.name as label, t.status, count(*)::int as n
    from safety_target t join school_class sc on sc.id = t.class_id
    where t.confirmation_id = ${id}
    group by t.class_id, sc.grade, sc.name, sc.sort_order, t.status
    order by sc.grade, sc.sort_order, sc.name`
  const classes = new Map<number, SafetyBoard['classes'][number]>()
  const totals = { targets: 0, answered: 0, safe: 0, support: 0, unanswered: 0 }
  for (const r of counts) {
    const c = classes.get(r.classId) ?? { classId: r.classId, label: r.label, grade: r.grade, targets: 0, answered: 0, safe: 0, support: 0, unanswered: 0 }
    classes.set(r.classId, c)
    for (const t of [c, totals]) {
      t.targets += r.n
      if (r.status === null) t.unanswered += r.n
      else {
        t.answered += r.n
        if (r.status === 'safe') t.safe += r.n
        if (needsSupport(r.status)) t.support += r.n
      }
    }
  }
  return { ...head, classes: [...classes.values()], totals }
}

export async function recentSafetyIds(q: Q, schoolId: number, limit = 10): Promise<number[]> {
  return (await q<{ id: number }[]>`select id from safety_confirmation where school_id = ${schoolId} order by started_at desc, id desc limit ${limit}`).map((r) => r.id)
}

export interface TargetState {
  pupilId: number
  countingGuardianId: number | null
}

/** The targets among these pupils, locked: two guardians answering at once decide "first" in order. */
export async function lockTargets(q: Q, confirmationId: number, pupilIds: readonly number[]): Promise<TargetState[]> {
  return q<TargetState[]>`
    select pupil_id, counting_guardian_id from safety_target
    where confirmation_id = ${confirmationId} and pupil_id = any(${[...pupilIds]}::int[])
    order by pupil_id for update`
}

export interface AnswerRow {
  confirmationId: number
  pupilId: number
  guardianId: number
  status: string
  whereabouts: string | null
  pickup: string | null
  pickupTime: string | null
  note: string
  answeredAt: string
}

export async function insertAnswer(q: Q, a: AnswerRow): Promise<void> {
  await q`
    insert into safety_answer (confirmation_id, pupil_id, guardian_id, status, whereabouts, pickup, pickup_time, note, answered_at)
    values (${a.confirmationId}, ${a.pupilId}, ${a.guardianId}, ${a.status}, ${a.whereabouts}, ${a.pickup}, ${a.pickupTime}, ${a.note}, ${a.answeredAt})`
}

/** The first guardian to answer counts; their later answers replace their earlier one in the tally. */
export async function setCounting(q: Q, a: { confirmationId: number; pupilId: number; guardianId: number; status: string; answeredAt: string }): Promise<void> {
  await q`
    update safety_target set counting_guardian_id = ${a.guardianId}, status = ${a.status}, answered_at = ${a.answeredAt}
    where confirmation_id = ${a.confirmationId} and pupil_id = ${a.pupilId}
      and (counting_guardian_id is null or counting_guardian_id = ${a.guardianId})`
}

export async function closeSafety(q: Q, id: number, staffId: number, at: string): Promise<boolean> {
  const rows = await q`update safety_confirmation set closed_by = ${staffId}, closed_at = ${at} where id = ${id} and closed_at is null returning id`
  return rows.length > 0
}

type RawAnswer = Omit<SafetyAnswerView, 'counts'> & { guardianId: number }

/** Every answer of these targets, newest first, with whether it is the one that counts. */
export async function answersOf(q: Q, confirmationId: number, pupilIds: readonly number[] | null): Promise<Map<number, (SafetyAnswerView & { guardianId: number })[]>> {
  const rows = await q<(RawAnswer & { pupilId: number; counts: boolean })[]>`
    select a.pupil_id, a.guardian_id, g.family_name || ' ' || g.given_name as guardian, a.status, a.whereabouts, a.pickup,
           to_char(a.pickup_time, 'FMHH24:MI') as pickup_time, a.note, a.answered_at,
           a.id = (select max(b.id) from safety_answer b where b.confirmation_id = a.confirmation_id and b.pupil_id = a.pupil_id and b.guardian_id = t.counting_guardian_id) as counts
    from safety_answer a
    join safety_target t on t.confirmation_id = a.confirmation_id and t.pupil_id = a.pupil_id
    join guardian g on g.id = a.guardian_id
    where a.confirmation_id = ${confirmationId} and (${pupilIds === null} or a.pupil_id = any(${pupilIds ?? []}::int[]))
    order by a.id desc`
  const out = new Map<number, (SafetyAnswerView & { guardianId: number })[]>()
  for (const { pupilId, ...a } of rows) {
    if (!out.has(pupilId)) out.set(pupilId, [])
    out.get(pupilId)!.push({ ...a, counts: !!a.counts })
  }
  return out
}

/** The staff list: every target pupil of these classes (null: every class) with answers, phones and calls since the start. */
export async function safetyRows(q: Q, c: { id: number; schoolYearId: number; startedAt: string; closedAt: string | null }, classIds: readonly number[] | null): Promise<SafetyStaffRow[]> {
  const rows = await q<Omit<SafetyStaffRow, 'answer' | 'answers'>[]>`
    select t.pupil_id, t.class_id, sc.grade || '年' || sc.name as class_label, m.attendance_number,
           p.family_name || ' ' || p.given_name as name, p.family_kana || ' ' || p.given_kana as kana,
           coalesce((select json_agg(json_build_object('guardian', g.family_name || ' ' || g.given_name, 'phone', g.phone) order by g.id)
                     from guardian_pupil gp join guardian g on g.id = gp.guardian_id
                     where gp.pupil_id = t.pupil_id and g.phone is not null and g.disabled_at is null), '[]') as phones,
           coalesce((select json_agg(json_build_object('at', cr.called_at, 'by', cs.family_name || ' ' || cs.given_name, 'outcome', cr.outcome, 'note', cr.note) order by cr.id desc)
                     from call_record cr join staff cs on cs.id = cr.staff_id
                     where cr.pupil_id = t.pupil_id and cr.called_at >= ${c.startedAt}
                       and (${c.closedAt}::timestamptz is null or cr.called_at <= ${c.closedAt}::timestamptz)), '[]') as calls
    from safety_target t
    join school_class sc on sc.id = t.class_id
    join pupil p on p.id = t.pupil_id
    left join class_membership m on m.pupil_id = t.pupil_id and m.school_year_id = ${c.schoolYearId}
    where t.confirmation_id = ${c.id} and (${classIds === null} or t.class_id = any(${classIds ?? []}::int[]))
    order by sc.grade, sc.sort_order, sc.name, m.attendance_number`
  const answers = await answersOf(q, c.id, classIds === null ? null : rows.map((r) => r.pupilId))
  return rows.map((r) => {
    const all = (answers.get(r.pupilId) ?? []).map(({ guardianId: _g, ...a }) => a)
    return {
      ...r,
      attendanceNumber: r.attendanceNumber ?? 0,
      calls: r.calls.map((x) => ({ ...x, at: new Date(x.at).toISOString() })),
      answer: all.find((a) => a.counts) ?? null,
      answers: all,
    }
  })
}

export interface SafetyFamily {
  guardianId: number
  name: string
  email: string | null
  language: string | null
  /** The guardian's children among the targets (those still unanswered, for a reminder). */
  children: { pupilId: number; name: string }[]
}

/** Each guardian of the targets once, with their children asked; `unansweredOnly` for reminders. */
export async function safetyFamilies(q: Q, confirmationId: number, unansweredOnly: boolean): Promise<SafetyFamily[]> {
  const rows = await q<{ guardianId: number; name: string; email: string | null; language: string | null; pupilId: number; pupilName: string }[]>`
    select g.id as guardian_id, g.family_name || ' ' || g.given_name as name, g.email, g.language,
           p.id as pupil_id, p.family_name || ' ' || p.given_name as pupil_name
    from safety_target t
    join guardian_pupil gp on gp.pupil_id = t.pupil_id
    join guardian g on g.id = gp.guardian_id and g.disabled_at is null
    join pupil p on p.id = t.pupil_id
    where t.confirmation_id = ${confirmationId} and (${!unansweredOnly} or t.status is null)
    order by g.id, p.id`
  const out = new Map<number, SafetyFamily>()
  for (const r of rows) {
    const f = out.get(r.guardianId) ?? { guardianId: r.guardianId, name: r.name, email: r.email, language: r.language, children: [] }
    out.set(r.guardianId, f)
    f.children.push({ pupilId: r.pupilId, name: r.pupilName })
  }
  return [...out.values()]
}

export async function insertReminder(q: Q, r: { confirmationId: number; sentBy: number | null; sentAt: string; families: number; pupils: number }): Promise<void> {
  await q`insert into safety_reminder (confirmation_id, sent_by, sent_at, families, pupils) values (${r.confirmationId}, ${r.sentBy}, ${r.sentAt}, ${r.families}, ${r.pupils})`
}

export async function unansweredCount(q: Q, confirmationId: number): Promise<number> {
  const [row] = await q<{ n: number }[]>`select count(*)::int as n from safety_target where confirmation_id = ${confirmationId} and status is null`
  return row!.n
}

/** Open confirmations with a schedule whose next reminder is due (`since`, the last reminder or the start, is an interval ago). */
export async function dueReminders(q: Q, nowIso: string): Promise<{ id: number; schoolId: number; since: string }[]> {
  return q<{ id: number; schoolId: number; since: string }[]>`
    select id, school_id, since from (
      select c.id, c.school_id, c.reminder_every_minutes,
        coalesce((select max(r.sent_at) from safety_reminder r where r.confirmation_id = c.id), c.started_at) as since
      from safety_confirmation c
      where c.closed_at is null and c.reminder_every_minutes is not null
    ) d
    where since + make_interval(mins => reminder_every_minutes) <= ${nowIso}::timestamptz`
}

export interface OutboxSafetyRow {
  schoolId: number
  safetyId: number
  guardianId: number
  channel: 'email'
  recipient: string
  subject: string
  body: string
  status: 'pending' | 'captured'
  nextAttemptAt: string
  sentAt: string | null
  createdAt: string
}

/** Confirmation e-mail into the outbox; the worker delivers it after commit. */
export async function insertSafetyOutbox(q: Q, rows: readonly OutboxSafetyRow[]): Promise<void> {
  // Batches keep each statement's parameter count well under PostgreSQL's limit for a whole school.
  for (let i = 0; i < rows.length; i += 500) {
    await q`insert into outbox ${q(rows.slice(i, i + 500) as OutboxSafetyRow[])}`
  }
}

export interface GuardianSafetyRow {
  id: number
  schoolId: number
  schoolName: string
  template: string
  situation: 'in_school' | 'out_of_school'
  drill: boolean
  title: string
  message: string
  startedAt: string
  closedAt: string | null
}

/** Confirmations that asked about this guardian's children: open ones, and those closed since `closedSince`. */
export async function guardianSafety(q: Q, guardianId: number, closedSince: string): Promise<(GuardianSafetyRow & { children: { pupilId: number; name: string; classLabel: string }[] })[]> {
  const rows = await q<(GuardianSafetyRow & { pupilId: number; name: string; classLabel: string })[]>`
    select c.id, c.school_id, s.name as school_name, c.template, c.situation, c.drill, c.title, c.message, c.started_at, c.closed_at,
           t.pupil_id, p.family_name || ' ' || p.given_name as name, sc.grade || '年' || sc.name as class_label
    from guardian_pupil gp
    join safety_target t on t.pupil_id = gp.pupil_id
    join safety_confirmation c on c.id = t.confirmation_id
    join school s on s.id = c.school_id
    join pupil p on p.id = t.pupil_id
    join school_class sc on sc.id = t.class_id
    where gp.guardian_id = ${guardianId} and (c.closed_at is null or c.closed_at >= ${closedSince})
    order by c.started_at desc, c.id desc, sc.grade, p.id`
  const out = new Map<number, GuardianSafetyRow & { children: { pupilId: number; name: string; classLabel: string }[] }>()
  for (const { pupilId, name, classLabel, ...c } of rows) {
    const x = out.get(c.id) ?? { ...c, children: [] }
    out.set(c.id, x)
    x.children.push({ pupilId, name, classLabel })
  }
  return [...out.values()]
}

