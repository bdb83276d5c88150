import { Router } from 'express'
import { CreateStaffRequest, UpdateStaffRequest } from '../../../shared/protocol/index.js'
import { createStaffAccount, listStaff, setStaffDisabled, updateStaffAccount } from '../../admin/staff.js'
import { issueResetCode } from '../../auth/resetCodes.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { idParam } from '../context.js'
import { AppError, parseInput } from '../errors.js'
import { adminOf, requireAdmin } from './adminAuth.js'

/** Staff accounts of the admin's school, and reset codes for its staff and guardians. */
export function adminStaffRoutes(deps: Deps, sockets: SocketControl): Router {
  const r = Router()
  r.use(requireAdmin)

  r.get('/staff', async (_req, res) => {
    res.json({ ok: true, staff: await listStaff(deps.sql, adminOf(res).schoolId) })
  })

  r.post('/staff', async (req, res) => {
    const who = adminOf(res)
    const id = await createStaffAccount(deps, who.schoolId, parseInput(CreateStaffRequest, req.body))
    res.status(201).json({ ok: true, id })
  })

  r.put('/staff/:id', async (req, res) => {
    const who = adminOf(res)
    const body = parseInput(UpdateStaffRequest, req.body)
    await updateStaffAccount(deps, who.schoolId, idParam(req, 'id'), body)
    await sockets.refreshStaff(idParam(req, 'id'))
    res.json({ ok: true })
  })

  r.post('/staff/:id/disable', async (req, res) => {
    const who = adminOf(res)
    const id = idParam(req, 'id')
    if (id === who.staffId) throw new AppError('CANNOT_DISABLE_SELF')
    await setStaffDisabled(deps, who.schoolId, id, true, deps.clock.now())
    sockets.endStaff(id)
    res.json({ ok: true })
  })

  r.post('/staff/:id/enable', async (req, res) => {
    await setStaffDisabled(deps, adminOf(res).schoolId, idParam(req, 'id'), false, deps.clock.now())
    res.json({ ok: true })
  })

  r.post('/staff/:id/reset-code', async (req, res) => {
    const who = adminOf(res)
    const id = idParam(req, 'id')
    const [s] = await deps.sql`select 1 from staff where id = ${id} and school_id = ${who.schoolId}`
    if (!s) throw new AppError('NOT_FOUND')
    res.json(await issueResetCode(deps.sql, { kind: 'staff', id }, who.schoolId, who.staffId, deps.clock.now()))
  })

  r.post('/guardians/:id/reset-code', async (req, res) => {
    const who = adminOf(res)
    const id = idParam(req, 'id')
    // A guardian is the school's to help only through a pupil of that school.
    const [g] = await deps.sql`select 1 from guardian_pupil where guardian_id = ${id} and school_id = ${who.schoolId} limit 1`
    if (!g) throw new AppError('NOT_FOUND')
    res.json(await issueResetCode(deps.sql, { kind: 'guardian', id }, who.schoolId, who.staffId, deps.clock.now()))
  })
  return r
}
