import { DateTime } from 'luxon'
import type { CreateBoardDeviceResponse } from '../../shared/protocol/index.js'
import { hashToken, newHumanCode, normaliseHumanCode } from '../auth/tokens.js'
import { insertBoardDevice, redeemPairingCode, revokeBoardDevice, schoolOfPairingCode } from '../data/boardDevices.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChange } from '../realtime/change.js'

const PAIRING_MINUTES = 30

/** Creates a board device and its one-time pairing code (shown once, stored only as a hash). */
export async function createBoardDevice(deps: Deps, schoolId: number, createdBy: number, name: string): Promise<CreateBoardDeviceResponse> {
  const code = newHumanCode()
  const expires = DateTime.fromMillis(deps.clock.now()).plus({ minutes: PAIRING_MINUTES }).toISO()!
  const device = await runChange(deps, schoolId, async (tx, change) => {
    change.school('devices')
    return insertBoardDevice(tx, { schoolId, name, pairingCodeHash: hashToken(normaliseHumanCode(code)), pairingExpiresAt: expires, createdBy })
  })
  return { ok: true, device, pairingCode: code, pairingPath: `/board/?pair=${encodeURIComponent(code)}`, pairingExpiresAt: expires }
}

/** Revokes one of the school's devices; its live sockets are the caller's to close. */
export async function revokeDevice(deps: Deps, schoolId: number, id: number): Promise<void> {
  await runChange(deps, schoolId, async (tx, change) => {
    if (!(await revokeBoardDevice(tx, schoolId, id, new Date(deps.clock.now()).toISOString()))) throw new AppError('NOT_FOUND')
    change.school('devices')
  })
}

/**
 * Pairs a display with its one-time code: the device gets its long-lived token (as a hash) and
 * the administrators' device list shows it connected. Null when the code is unknown, used,
 * expired or revoked.
 */
export async function pairBoardDevice(deps: Deps, code: string, tokenHash: string): Promise<number | null> {
  const codeHash = hashToken(normaliseHumanCode(code))
  const schoolId = await schoolOfPairingCode(deps.sql, codeHash)
  if (schoolId === null) return null
  return runChange(deps, schoolId, async (tx, change) => {
    const id = await redeemPairingCode(tx, codeHash, tokenHash, new Date(deps.clock.now()).toISOString())
    if (id === null) change.unchanged()
    else change.school('devices')
    return id
  })
}
