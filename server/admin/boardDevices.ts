import { DateTime } from 'luxon'
import type { CreateBoardDeviceResponse } from '../../shared/protocol/index.js'
import { hashToken, newHumanCode, normaliseHumanCode } from '../auth/tokens.js'
import { insertBoardDevice, revokeBoardDevice } from '../data/boardDevices.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'

const PAIRING_MINUTES = 30

/** Creates a board device and its one-time pairing code (shown once, stored only as a hash). */
export async function createBoardDevice(deps: Deps, schoolId: number, createdBy: number, name: string): Promise<CreateBoardDeviceResponse> {
  const code = newHumanCode()
  const expires = DateTime.fromMillis(deps.clock.now()).plus({ minutes: PAIRING_MINUTES }).toISO()!
  const device = await insertBoardDevice(deps.sql, { schoolId, name, pairingCodeHash: hashToken(normaliseHumanCode(code)), pairingExpiresAt: expires, createdBy })
  return { ok: true, device, pairingCode: code, pairingPath: `/board/?pair=${encodeURIComponent(code)}`, pairingExpiresAt: expires }
}

/** Revokes one of the school's devices; its live sockets are the caller's to close. */
export async function revokeDevice(deps: Deps, schoolId: number, id: number): Promise<void> {
  if (!(await revokeBoardDevice(deps.sql, schoolId, id, new Date(deps.clock.now()).toISOString()))) throw new AppError('NOT_FOUND')
}
