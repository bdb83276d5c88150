import { schoolWide } from '../../shared/policy/policy.js'
import {
  DRILL_MARK,
  SAFETY_PICKUP_LABEL,
  SAFETY_SITUATION_LABEL,
  SAFETY_STATUS_LABEL,
  SAFETY_WHEREABOUTS_LABEL,
  CALL_OUTCOME_LABEL,
  type GuardianSafety,
  type SafetyAnswerView,
  type SafetyBoard,
  type SafetyStaffRow,
  type SafetyTemplate,
} from '../../shared/protocol/index.js'
import { formatInstantJa, formatTimeJa } from '../../shared/time/format.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { authorize } from '../auth/guards.js'
import type { GuardianPrincipal, StaffPrincipal } from '../auth/principal.js'
import { answersOf, guardianSafety, openSafetyId, recentSafetyIds, safetyBoard, safetyHead, safetyRows } from '../data/safety.js'
import { getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { toCsv } from '../register/csv.js'

/** What staff, boards and guardians read of 安否確認. */

/** The open confirmation's tally, for the day snapshot (boards and staff pages). */
export async function openSafetyBoard(q: Q, schoolId: number): Promise<SafetyBoard | null> {
  const id = await openSafetyId(q, schoolId)
  return id === null ? null : safetyBoard(q, id)
}

/** The open confirmation and the recent ones, tallies only (every teacher may see the whole school's numbers). */
export async function safetyOverview(deps: Deps, who: StaffPrincipal): Promise<{ open: SafetyBoard | null; recent: SafetyBoard[] }> {
  authorize(who, 'safety.read')
  const ids = await recentSafetyIds(deps.sql, who.schoolId)
  const boards = (await Promise.all(ids.map((id) => safetyBoard(deps.sql, id)))).filter((b): b is SafetyBoard => b !== null)
  return { open: boards.find((b) => !b.closedAt) ?? null, recent: boards }
}

async function headOrNotFound(deps: Deps, schoolId: number, id: number) {
  const head = await safetyHead(deps.sql, schoolId, id)
  if (!head) throw new AppError('SAFETY_NOT_FOUND')
  return head
}

/** The confirmation with the rows the caller may see: the homeroom teacher their classes, the office every class. */
export async function safetyDetail(deps: Deps, who: StaffPrincipal, id: number): Promise<{ safety: SafetyBoard; rows: SafetyStaffRow[] }> {
  authorize(who, 'safety.read', undefined, 'FORBIDDEN', '担任または職員室・管理職のみ見られます。')
  const head = await headOrNotFound(deps, who.schoolId, id)
  const classIds = schoolWide(who, 'safety.read') ? null : who.homeroomClassIds
  return { safety: (await safetyBoard(deps.sql, head.id))!, rows: await safetyRows(deps.sql, head, classIds) }
}

/** Everything for the report (print and CSV): every child, every answer, the calls. */
export async function safetyReport(deps: Deps, who: StaffPrincipal, id: number): Promise<{ schoolName: string; safety: SafetyBoard; rows: SafetyStaffRow[] }> {
  authorize(who, 'safety.report', { schoolId: who.schoolId }, 'FORBIDDEN', '報告は職員室・管理職のみ出力できます。')
  const head = await headOrNotFound(deps, who.schoolId, id)
  const school = (await getSchool(deps.sql, who.schoolId))!
  return { schoolName: school.name, safety: (await safetyBoard(deps.sql, head.id))!, rows: await safetyRows(deps.sql, head, null) }
}

const when = (iso: string | null) => (iso ? formatInstantJa(iso, SCHOOL_ZONE) : '')

function answerCells(a: SafetyAnswerView | null): (string | number)[] {
  if (!a) return ['未回答', '', '', '', '', '', '']
  return [
    SAFETY_STATUS_LABEL[a.status],
    a.whereabouts ? SAFETY_WHEREABOUTS_LABEL[a.whereabouts] : '',
    a.pickup ? SAFETY_PICKUP_LABEL[a.pickup] : '',
    a.pickupTime ? formatTimeJa(a.pickupTime) : '',
    a.note,
    a.guardian,
    when(a.answeredAt),
  ]
}

/** The report as CSV: a heading block, then one row per child with the counting answer, the other answers and the calls. */
export function safetyCsv(r: { schoolName: string; safety: SafetyBoard; rows: SafetyStaffRow[] }): string {
  const s = r.safety
  const t = s.totals
  return toCsv([
    [r.schoolName, `${s.drill ? DRILL_MARK : ''}${s.title}`],
    ['状況', SAFETY_SITUATION_LABEL[s.situation], '開始', when(s.startedAt), '開始者', s.startedBy, '締切', when(s.closedAt) || '実施中'],
    ['対象', t.targets, '回答済', t.answered, '無事', t.safe, '要支援', t.support, '未回答', t.unanswered, '再送', s.reminders],
    [],
    ['学級', '出席番号', '氏名', 'ふりがな', '状況', '居場所', 'お迎え', 'お迎え時刻', '連絡事項', '回答者', '回答日時', 'ほかの回答', '電話', '通話記録'],
    ...r.rows.map((x) => [
      x.classLabel,
      x.attendanceNumber,
      x.name,
      x.kana,
      ...answerCells(x.answer),
      x.answers.filter((a) => !a.counts).map((a) => `${when(a.answeredAt)} ${a.guardian}: ${SAFETY_STATUS_LABEL[a.status]}${a.note ? ` (${a.note})` : ''}`).join(' / '),
      x.phones.map((p) => `${p.guardian} ${p.phone}`).join(' / '),
      x.calls.map((c) => `${when(c.at)} ${c.by}: ${CALL_OUTCOME_LABEL[c.outcome]}${c.note ? ` (${c.note})` : ''}`).join(' / '),
    ]),
  ])
}

/** How long a closed confirmation stays on the guardian page (with the answers given). */
const CLOSED_SHOWN_MS = 7 * 86_400_000

/** The confirmations that asked about this guardian's children, with their answers. */
export async function guardianSafetyList(deps: Deps, who: GuardianPrincipal): Promise<GuardianSafety[]> {
  const list = await guardianSafety(deps.sql, who.guardianId, new Date(deps.clock.now() - CLOSED_SHOWN_MS).toISOString())
  const out: GuardianSafety[] = []
  for (const c of list) {
    const answers = await answersOf(deps.sql, c.id, c.children.map((x) => x.pupilId))
    out.push({
      id: c.id, schoolName: c.schoolName, template: c.template as SafetyTemplate, situation: c.situation, drill: c.drill, title: c.title, message: c.message,
      startedAt: c.startedAt, closedAt: c.closedAt, open: !c.closedAt,
      children: c.children.map((child) => {
        const all = answers.get(child.pupilId) ?? []
        const strip = ({ guardianId: _g, ...a }: (typeof all)[number]): SafetyAnswerView => a
        const mine = all.find((a) => a.guardianId === who.guardianId)
        const counting = all.find((a) => a.counts)
        return { ...child, mine: mine ? strip(mine) : null, counting: counting ? strip(counting) : null, answers: all.map(strip) }
      }),
    })
  }
  return out
}
