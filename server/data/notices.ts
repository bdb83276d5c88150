import type { Q } from '../db/types.js'

/** Not-arrived notices, their outbox and the office's calls. */

export interface Recipient {
  guardianId: number
  name: string
  email: string | null
  phone: string | null
  /** The guardian's chosen language; null when never chosen (notices then go in Japanese). */
  language: string | null
}

export async function guardiansOf(q: Q, pupilId: number): Promise<Recipient[]> {
  return q<Recipient[]>`
    select g.id as guardian_id, g.family_name || ' ' || g.given_name as name, g.email, g.phone, g.language
    from guardian_pupil gp join guardian g on g.id = gp.guardian_id
    where gp.pupil_id = ${pupilId} and g.disabled_at is null order by g.id`
}

/** Pupils whose current mark today is provisional (未登校), with whether a live report explains it. */
export async function notArrivedToday(q: Q, schoolId: number, date: string): Promise<{ pupilId: number; hasReport: boolean }[]> {
  return q`
    select x.pupil_id,
           exists (select 1 from guardian_report_day d join guardian_report r on r.id = d.report_id
                   where d.pupil_id = x.pupil_id and d.date = ${date} and r.withdrawn_at is null) as has_report
    from attendance_mark x join attendance_code c on c.id = x.code_id
    where x.school_id = ${schoolId} and x.date = ${date} and c.provisional`
}

export async function noticeExists(q: Q, pupilId: number, date: string): Promise<boolean> {
  return (await q`select 1 from not_arrived_notice where pupil_id = ${pupilId} and date = ${date}`).length > 0
}

export async function insertNotice(q: Q, n: { schoolId: number; pupilId: number; date: string; sentBy: number; sentAt: string; subject: string; body: string }): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into not_arrived_notice (school_id, pupil_id, date, sent_by, sent_at, subject, body)
    values (${n.schoolId}, ${n.pupilId}, ${n.date}, ${n.sentBy}, ${n.sentAt}, ${n.subject}, ${n.body}) returning id`
  return row!.id
}

export interface OutboxRow {
  schoolId: number
  noticeId: number
  guardianId: number
  channel: 'in_app' | 'email'
  recipient: string
  subject: string
  body: string
  status: 'pending' | 'sent' | 'captured'
  nextAttemptAt: string
  sentAt: string | null
  createdAt: string
}

export async function insertOutbox(q: Q, rows: OutboxRow[]): Promise<void> {
  if (rows.length > 0) await q`insert into outbox ${q(rows)}`
}

export interface NoticeHead {
  id: number
  schoolId: number
  pupilId: number
  date: string
  answeredAt: string | null
}

/** A notice, only if this guardian is linked to its pupil (another family's notice is "not found"). */
export async function noticeForGuardian(q: Q, noticeId: number, guardianId: number): Promise<NoticeHead | null> {
  const [row] = await q<NoticeHead[]>`
    select n.id, n.school_id, n.pupil_id, n.date, n.answered_at
    from not_arrived_notice n join guardian_pupil gp on gp.pupil_id = n.pupil_id and gp.guardian_id = ${guardianId}
    where n.id = ${noticeId}`
  return row ?? null
}
