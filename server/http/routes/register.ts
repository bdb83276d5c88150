import { Router } from 'express'
import { CorrectMarkRequest, MarkHistoryQuery, RegisterMonthQuery } from '../../../shared/protocol/register.js'
import { staffMay } from '../../auth/guards.js'
import { getSchool, schoolYearOn } from '../../data/schools.js'
import { readableClasses } from '../../register/access.js'
import type { Deps } from '../../deps.js'
import { sendCsv } from '../../register/csv.js'
import { correctMark, markHistory } from '../../register/marks.js'
import { registerMonth } from '../../register/month.js'
import { registerCsv } from '../../register/registerCsv.js'
import { resolveDay } from '../../register/resolve.js'
import { applySuspension, planSuspension } from '../../register/suspension.js'
import { ResolveDayRequest, SuspensionRequest } from '../../../shared/protocol/calendar.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { principalOf } from '../context.js'
import { parseInput } from '../errors.js'

/** The register (出席簿): staff only; homeroom teachers see their own classes. */
export function registerRoutes(deps: Deps): Router {
  const r = Router()
  const today = async (schoolId: number) => schoolNow((await getSchool(deps.sql, schoolId))!, deps.clock.now()).today

  /** The classes the caller may open this school year, and today's date, to start the page. */
  r.get('/classes', async (_req, res) => {
    const who = staffMay(principalOf(res), 'register.read')
    const day = await today(who.schoolId)
    const year = await schoolYearOn(deps.sql, who.schoolId, day)
    res.json({ ok: true, today: day, classes: year ? await readableClasses(deps.sql, who, year.id) : [] })
  })

  r.get('/month', async (req, res) => {
    const who = staffMay(principalOf(res), 'register.read')
    const q = parseInput(RegisterMonthQuery, req.query)
    res.json(await registerMonth(deps.sql, who, q.classId, q.month, await today(who.schoolId)))
  })

  r.get('/month.csv', async (req, res) => {
    const who = staffMay(principalOf(res), 'register.read')
    const q = parseInput(RegisterMonthQuery, req.query)
    const month = await registerMonth(deps.sql, who, q.classId, q.month, await today(who.schoolId))
    sendCsv(res, `出席簿_${month.classLabel}_${q.month}.csv`, registerCsv(month), q.encoding)
  })

  r.get('/history', async (req, res) => {
    const who = staffMay(principalOf(res), 'register.read')
    const q = parseInput(MarkHistoryQuery, req.query)
    res.json({ ok: true, rows: await markHistory(deps.sql, who, q.pupilId, q.date) })
  })

  r.post('/marks', async (req, res) => {
    const who = staffMay(principalOf(res), 'register.correct')
    await correctMark(deps, who, parseInput(CorrectMarkRequest, req.body))
    res.json({ ok: true })
  })
  r.post('/resolve', async (req, res) => {
    const who = staffMay(principalOf(res), 'register.correct')
    const q = parseInput(ResolveDayRequest, req.body)
    res.json(await resolveDay(deps, who, q.classId, q.date))
  })

  r.post('/suspension/propose', async (req, res) => {
    const who = staffMay(principalOf(res), 'suspension.plan')
    res.json({ ok: true, plan: await planSuspension(deps.sql, who, parseInput(SuspensionRequest, req.body)) })
  })

  r.post('/suspension/apply', async (req, res) => {
    const who = staffMay(principalOf(res), 'suspension.apply')
    res.json({ ok: true, plan: await applySuspension(deps, who, parseInput(SuspensionRequest, req.body)) })
  })
  return r
}
