import { Router } from 'express'
import { CreateCodeRequest, CreateYearRequest, UpdateSchoolSettingsRequest } from '../../../shared/protocol/index.js'
import { loadSettings, saveSettings } from '../../admin/settings.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { createSchoolYear } from '../../seed/schoolSetup.js'
import { AppError, parseInput } from '../errors.js'
import { adminOf, requireAdmin } from './adminAuth.js'

/** School settings, the reason list, school years and their classes. */
export function adminSchoolRoutes(deps: Deps, sockets: SocketControl): Router {
  const r = Router()
  r.use(requireAdmin)

  r.get('/settings', async (_req, res) => {
    res.json(await loadSettings(deps.sql, adminOf(res).schoolId))
  })

  r.put('/settings', async (req, res) => {
    const who = adminOf(res)
    await saveSettings(deps.sql, who.schoolId, parseInput(UpdateSchoolSettingsRequest, req.body))
    await sockets.refreshSchool(who.schoolId)
    res.json(await loadSettings(deps.sql, who.schoolId))
  })

  r.post('/codes', async (req, res) => {
    const who = adminOf(res)
    const c = parseInput(CreateCodeRequest, req.body)
    const [sort] = await deps.sql<{ n: number }[]>`select coalesce(max(sort_order), 0)::int + 1 as n from attendance_code where school_id = ${who.schoolId}`
    const [created] = await deps.sql`
      insert into attendance_code (school_id, code, label, short_label, on_site, counts_absent, excused, is_late, is_early_leave,
                                   provisional, guardian_selectable, future_allowed, sort_order)
      values (${who.schoolId}, ${c.code}, ${c.label}, ${c.shortLabel}, ${c.onSite}, ${c.countsAbsent}, ${c.excused}, ${c.isLate},
              ${c.isEarlyLeave}, false, ${c.guardianSelectable}, ${c.futureAllowed}, ${sort!.n})
      on conflict (school_id, code) do nothing returning id`
    if (!created) throw new AppError('CODE_EXISTS')
    res.status(201).json(await loadSettings(deps.sql, who.schoolId))
  })

  r.get('/years', async (_req, res) => {
    const who = adminOf(res)
    const years = await deps.sql<{ id: number; fiscalYear: number; startsOn: string; endsOn: string }[]>`
      select id, fiscal_year, starts_on::text as starts_on, ends_on::text as ends_on from school_year where school_id = ${who.schoolId} order by fiscal_year desc`
    const classes = await deps.sql<{ id: number; yearId: number; grade: number; label: string }[]>`
      select id, school_year_id as year_id, grade, grade || '年' || name as label from school_class where school_id = ${who.schoolId} order by grade, sort_order, name`
    res.json({ ok: true, years: years.map((y) => ({ ...y, classes: classes.filter((c) => c.yearId === y.id).map(({ yearId: _y, ...c }) => c) })) })
  })

  r.post('/years', async (req, res) => {
    const who = adminOf(res)
    const { fiscalYear } = parseInput(CreateYearRequest, req.body)
    const [exists] = await deps.sql`select 1 from school_year where school_id = ${who.schoolId} and fiscal_year = ${fiscalYear}`
    if (exists) throw new AppError('YEAR_EXISTS')
    res.status(201).json({ ok: true, id: await createSchoolYear(deps.sql, who.schoolId, fiscalYear) })
  })
  return r
}
