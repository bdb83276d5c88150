import { Router } from 'express'
import { DateTime } from 'luxon'
import { CreateBoardDeviceRequest, type CreateBoardDeviceResponse } from '../../../shared/protocol/index.js'
import { hashToken, newHumanCode, normaliseHumanCode } from '../../auth/tokens.js'
import { insertBoardDevice, listBoardDevices, revokeBoardDevice } from '../../data/boardDevices.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { idParam } from '../context.js'
import { AppError, parseInput } from '../errors.js'
import { adminOf, requireAdmin } from './adminAuth.js'
import { adminRegistrationRoutes } from './adminRegistration.js'
import { adminRosterRoutes } from './adminRoster.js'
import { adminSchoolRoutes } from './adminSchool.js'
import { adminStaffRoutes } from './adminStaff.js'

const PAIRING_MINUTES = 30

/** Creates a board device and its one-time pairing code (shown once, stored only as a hash). */
export async function createBoardDevice(deps: Deps, schoolId: number, createdBy: number, name: string): Promise<CreateBoardDeviceResponse> {
  const code = newHumanCode()
  const expires = DateTime.fromMillis(deps.clock.now()).plus({ minutes: PAIRING_MINUTES }).toISO()!
  const device = await insertBoardDevice(deps.sql, { schoolId, name, pairingCodeHash: hashToken(normaliseHumanCode(code)), pairingExpiresAt: expires, createdBy })
  return { ok: true, device, pairingCode: code, pairingPath: `/board/?pair=${encodeURIComponent(code)}`, pairingExpiresAt: expires }
}

/** School administration. Every route is limited to the administrator roles of the caller's own school. */
export function adminRoutes(deps: Deps, sockets: SocketControl): Router {
  const r = Router()
  r.use(requireAdmin)
  const admin = adminOf
  r.use('/roster', adminRosterRoutes(deps))
  r.use('/registration', adminRegistrationRoutes(deps))
  r.use(adminStaffRoutes(deps, sockets))
  r.use(adminSchoolRoutes(deps, sockets))

  r.get('/board-devices', async (_req, res) => {
    const who = admin(res)
    res.json({ ok: true, devices: await listBoardDevices(deps.sql, who.schoolId) })
  })

  r.post('/board-devices', async (req, res) => {
    const who = admin(res)
    const { name } = parseInput(CreateBoardDeviceRequest, req.body)
    res.status(201).json(await createBoardDevice(deps, who.schoolId, who.staffId, name))
  })

  r.post('/board-devices/:id/revoke', async (req, res) => {
    const who = admin(res)
    const id = idParam(req, 'id')
    if (!(await revokeBoardDevice(deps.sql, who.schoolId, id, new Date(deps.clock.now()).toISOString()))) throw new AppError('NOT_FOUND')
    sockets.endDevice(id)
    res.json({ ok: true })
  })
  return r
}
