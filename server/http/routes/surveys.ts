import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { authorize, guardianMay } from '../../auth/guards.js'
import { requireStaff } from '../../auth/principal.js'
import type { Deps } from '../../deps.js'
import { csvFile } from '../../register/csv.js'
import { answerSurvey, guardianSurveys } from '../../surveys/answers.js'
import { closeSurvey, createSurvey, ownSurvey, publishSurvey, removeSurvey, surveyTargets, updateSurvey } from '../../surveys/build.js'
import { remindNow } from '../../surveys/remind.js'
import { surveyCsv, surveyList, surveyResults } from '../../surveys/results.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** アンケート for staff: the services ask the policy (build, results, remind) themselves. */
export function surveyRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/surveys')
  const api = routes.surveys
  const staff = (res: Parameters<typeof principalOf>[0]) => requireStaff(principalOf(res))

  on(api.list).handle(async ({ res }) => surveyList(deps.sql, staff(res)))
  on(api.targets).handle(async ({ res }) => surveyTargets(deps, staff(res)))
  on(api.create).handle(async ({ res, body }) => ({ ok: true, id: await createSurvey(deps, staff(res), body) }))
  on(api.detail).handle(async ({ res, params }) => {
    const who = staff(res)
    authorize(who, 'survey.build', { schoolId: who.schoolId })
    const s = await ownSurvey(deps.sql, who, params.id)
    const { title, description, per, target, deadline, remindAt, questions } = s
    return { ok: true, id: s.id, status: s.status, draft: { title, description, per, target, deadline, remindAt, questions }, publishedAt: s.publishedAt, remindedAt: s.remindedAt }
  })
  on(api.update).handle(async ({ res, params, body }) => {
    await updateSurvey(deps, staff(res), params.id, body)
    return { ok: true }
  })
  on(api.remove).handle(async ({ res, params }) => {
    await removeSurvey(deps, staff(res), params.id)
    return { ok: true }
  })
  on(api.publish).handle(async ({ res, params }) => {
    await publishSurvey(deps, staff(res), params.id)
    return { ok: true }
  })
  on(api.close).handle(async ({ res, params }) => {
    await closeSurvey(deps, staff(res), params.id)
    return { ok: true }
  })
  on(api.results).handle(async ({ res, params }) => surveyResults(deps.sql, staff(res), params.id))
  on(api.resultsCsv).handle(async ({ res, params, query }) => {
    // A homeroom teacher's CSV holds their class, the office's every class (as the results).
    const { title, text } = await surveyCsv(deps.sql, staff(res), params.id)
    return csvFile(`アンケート_${title}.csv`, text, query.encoding)
  })
  on(api.remind).handle(async ({ res, params }) => ({ ok: true, guardians: await remindNow(deps, staff(res), params.id) }))
  return r
}

/** アンケート for guardians: their own children's surveys and their answers. */
export function guardianSurveyRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/guardian/surveys')
  on(routes.guardianSurveys.list).handle(async ({ res }) => ({ ok: true, surveys: await guardianSurveys(deps, guardianMay(principalOf(res), 'survey.answer')) }))
  on(routes.guardianSurveys.answer).handle(async ({ res, params, body }) => ({ ok: true, answeredAt: await answerSurvey(deps, principalOf(res), params.id, body) }))
  return r
}
