import { IANAZone } from 'luxon'
import { SchoolSettings, type SchoolSettingsView, type UpdateSchoolSettingsRequest } from '../../shared/protocol/index.js'
import { getSchool } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../http/errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'

export async function loadSettings(q: Q, schoolId: number): Promise<SchoolSettingsView> {
  const school = (await getSchool(q, schoolId))!
  const reasons = await q<{ id: number; label: string; category: SchoolSettingsView['reasons'][number]['category']; suggestedCodeId: number; active: boolean }[]>`
    select id, label, category, suggested_code_id, active from school_reason where school_id = ${schoolId} order by sort_order, id`
  const codes = await q<{ id: number; label: string }[]>`
    select id, label from attendance_code where school_id = ${schoolId} order by sort_order`
  return { ok: true, name: school.name, timeZone: school.timeZone, settings: school.settings, reasons, codes }
}

/**
 * Saves the settings and the reason list in one transaction. Reasons are never deleted (old
 * reports point at them): one left out of the list is switched off.
 */
export async function saveSettings(deps: ChangeDeps, schoolId: number, r: UpdateSchoolSettingsRequest): Promise<void> {
  if (!IANAZone.isValidZone(r.timeZone)) throw new AppError('BAD_REQUEST', 'タイムゾーンが正しくありません。', { timeZone: 'Asia/Tokyo の形で入力してください' })
  const labels = r.reasons.map((x) => x.label)
  if (new Set(labels).size !== labels.length) throw new AppError('BAD_REQUEST', '同じ理由が二つあります。', { reasons: '理由が重複しています' })
  await runChange(deps, schoolId, async (tx, change) => {
    change.school('settings')
    const settings = SchoolSettings.parse(r.settings)
    await tx`update school set name = ${r.name}, time_zone = ${r.timeZone}, settings = ${tx.json(settings as never)} where id = ${schoolId}`
    const codes = new Set((await tx<{ id: number }[]>`select id from attendance_code where school_id = ${schoolId}`).map((c) => c.id))
    const existing = new Map((await tx<{ id: number; label: string }[]>`select id, label from school_reason where school_id = ${schoolId}`).map((x) => [x.id, x.label]))
    if (r.reasons.some((x) => !codes.has(x.suggestedCodeId))) throw new AppError('BAD_REQUEST', '出欠の区分の選択に誤りがあります。')
    if (r.reasons.some((x) => x.id !== undefined && !existing.has(x.id))) throw new AppError('REASON_NOT_FOUND')
    const kept = new Set(r.reasons.flatMap((x) => (x.id ? [x.id] : [])))
    // Free the labels first: the unique (school, label) index must not trip over a rename swap.
    await tx`update school_reason set label = '__' || id || '__' || label where school_id = ${schoolId}`
    for (const id of existing.keys()) if (!kept.has(id)) await tx`update school_reason set active = false, label = ${existing.get(id)!} where id = ${id}`
    for (const [i, x] of r.reasons.entries()) {
      // A new label that matches a switched-off reason brings that reason back.
      const revived = x.id ?? [...existing].find(([id, label]) => label === x.label && !kept.has(id))?.[0]
      if (revived) {
        await tx`update school_reason set label = ${x.label}, category = ${x.category}, suggested_code_id = ${x.suggestedCodeId}, active = ${x.active}, sort_order = ${i}
          where id = ${revived} and school_id = ${schoolId}`
      } else {
        await tx`insert into school_reason (school_id, label, category, suggested_code_id, active, sort_order)
          values (${schoolId}, ${x.label}, ${x.category}, ${x.suggestedCodeId}, ${x.active}, ${i})`
      }
    }
  })
}
