import { Router } from 'express'
import { IssueLettersRequest, type PupilGuardians, type RegistrationDashboard } from '../../../shared/protocol/index.js'
import { formatCode } from '../../../shared/protocol/index.js'
import type { Deps } from '../../deps.js'
import { issueLetters, reissueCode, revokeCode } from '../../registration/codes.js'
import { registrationDashboard } from '../../registration/dashboard.js'
import { unlinkGuardian } from '../../registration/register.js'
import { idParam } from '../context.js'
import { AppError, parseInput } from '../errors.js'
import { adminOf, requireAdmin } from './adminAuth.js'

/** Registration letters, codes, links and the dashboard; everything scoped to the admin's school. */
export function adminRegistrationRoutes(deps: Deps): Router {
  const r = Router()
  r.use(requireAdmin)

  r.get('/dashboard', async (_req, res) => {
    const who = adminOf(res)
    res.json((await registrationDashboard(deps.sql, who.schoolId, deps.clock.now())) satisfies RegistrationDashboard)
  })

  r.post('/letters', async (req, res) => {
    const who = adminOf(res)
    res.json(await issueLetters(deps.sql, who.schoolId, who.staffId, parseInput(IssueLettersRequest, req.body), deps.clock.now()))
  })

  r.post('/pupils/:id/reissue', async (req, res) => {
    const who = adminOf(res)
    res.json(await reissueCode(deps.sql, who.schoolId, who.staffId, idParam(req, 'id'), deps.clock.now()))
  })

  r.post('/codes/:id/revoke', async (req, res) => {
    const who = adminOf(res)
    await revokeCode(deps.sql, who.schoolId, idParam(req, 'id'), deps.clock.now())
    res.json({ ok: true })
  })

  r.get('/pupils/:id/guardians', async (req, res) => {
    const who = adminOf(res)
    const pupilId = idParam(req, 'id')
    const [p] = await deps.sql`select 1 from pupil where id = ${pupilId} and school_id = ${who.schoolId}`
    if (!p) throw new AppError('PUPIL_NOT_FOUND')
    const guardians = await deps.sql<{ guardianId: number; name: string; linkedAt: Date }[]>`
      select g.id as guardian_id, g.family_name || ' ' || g.given_name as name, gp.linked_at
      from guardian_pupil gp join guardian g on g.id = gp.guardian_id where gp.pupil_id = ${pupilId} order by gp.linked_at`
    const codes = await deps.sql<{ codeId: number; code: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }[]>`
      select id as code_id, code, expires_at, used_at, revoked_at from registration_code where pupil_id = ${pupilId} order by id`
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
    res.json({
      ok: true,
      guardians: guardians.map((g) => ({ ...g, linkedAt: iso(g.linkedAt)! })),
      codes: codes.map((c) => ({ ...c, code: formatCode(c.code), expiresAt: iso(c.expiresAt)!, usedAt: iso(c.usedAt), revokedAt: iso(c.revokedAt) })),
    } satisfies PupilGuardians)
  })

  r.post('/pupils/:id/guardians/:guardianId/unlink', async (req, res) => {
    await unlinkGuardian(deps, adminOf(res).schoolId, idParam(req, 'id'), idParam(req, 'guardianId'))
    res.json({ ok: true })
  })
  return r
}
