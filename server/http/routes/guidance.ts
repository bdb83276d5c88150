import { Router } from 'express'
import { DailyAbsenteesCsvQuery, GuidanceNoteRequest, GuidanceQuery, LongAbsenceCsvQuery } from '../../../shared/protocol/guidance.js'
import { staffMay } from '../../auth/guards.js'
import { getSchool } from '../../data/schools.js'
import type { Deps } from '../../deps.js'
import { dailyAbsenteesCsv, longAbsenceCsv } from '../../guidance/exports.js'
import { saveGuidanceNote } from '../../guidance/notes.js'
import { guidanceView } from '../../guidance/view.js'
import { sendCsv } from '../../register/csv.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { idParam, principalOf } from '../context.js'
import { parseInput } from '../errors.js'

/** 生徒指導: the ranking, memos and board-of-education exports. */
export function guidanceRoutes(deps: Deps): Router {
  const r = Router()
  const today = async (schoolId: number) => schoolNow((await getSchool(deps.sql, schoolId))!, deps.clock.now()).today

  r.get('/', async (req, res) => {
    const who = staffMay(principalOf(res), 'guidance.read')
    const q = parseInput(GuidanceQuery, req.query)
    res.json(await guidanceView(deps.sql, who, q.date ?? (await today(who.schoolId))))
  })

  r.post('/notes/:pupilId', async (req, res) => {
    const who = staffMay(principalOf(res), 'guidance.write')
    const body = parseInput(GuidanceNoteRequest, req.body)
    await saveGuidanceNote(deps, who, idParam(req, 'pupilId'), await today(who.schoolId), new Date(deps.clock.now()).toISOString(), body)
    res.json({ ok: true })
  })

  r.get('/long-absence.csv', async (req, res) => {
    const who = staffMay(principalOf(res), 'exports.boardOfEducation')
    const q = parseInput(LongAbsenceCsvQuery, req.query)
    sendCsv(res, `長期欠席者_${q.month}.csv`, await longAbsenceCsv(deps.sql, who, q.month, await today(who.schoolId)), q.encoding)
  })

  r.get('/daily-absentees.csv', async (req, res) => {
    const who = staffMay(principalOf(res), 'exports.dailyAbsentees')
    const q = parseInput(DailyAbsenteesCsvQuery, req.query)
    sendCsv(res, `欠席者数_${q.date}.csv`, await dailyAbsenteesCsv(deps.sql, who, q.date), q.encoding)
  })
  return r
}
